package io.cncvision.app.web;

import static io.cncvision.app.web.RequestFields.parse;
import static io.cncvision.app.web.RequestFields.required;

import io.cncvision.api.gauge.GaugeKind;
import io.cncvision.api.gauge.RegisterGauge;
import io.cncvision.api.value.GaugeId;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Locale;

/** Body of {@code POST /api/v1/gauges}: a gauge whose measurements the platform will record. */
public record RegisterGaugeRequest(
        @Schema(example = "micrometer-3", requiredMode = Schema.RequiredMode.REQUIRED) String gaugeId,
        @Schema(description = "CAMERA, CALIPER, MICROMETER, ...", example = "MICROMETER",
                requiredMode = Schema.RequiredMode.REQUIRED) String kind,
        @Schema(example = "Micrometer 3, 25-50 mm", requiredMode = Schema.RequiredMode.REQUIRED) String name) {

    RegisterGauge toCommand() {
        return new RegisterGauge(parse("gaugeId", required("gaugeId", gaugeId), GaugeId::of),
                parse("kind", required("kind", kind), value -> GaugeKind.valueOf(value.toUpperCase(Locale.ROOT))),
                name);
    }
}
