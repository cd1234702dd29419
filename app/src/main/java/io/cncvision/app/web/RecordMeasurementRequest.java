package io.cncvision.app.web;

import static io.cncvision.app.web.RequestFields.parse;
import static io.cncvision.app.web.RequestFields.parseOptional;
import static io.cncvision.app.web.RequestFields.required;

import io.cncvision.api.characteristic.RecordMeasurement;
import io.cncvision.api.value.CharacteristicId;
import io.cncvision.api.value.GaugeId;
import io.cncvision.api.value.Serial;
import io.cncvision.api.value.SourceMessageId;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** Body of {@code POST /api/v1/characteristics/{characteristicId}/measurements}: one measured value. */
public record RecordMeasurementRequest(
        @Schema(description = "In the characteristic's unit", example = "12.003",
                requiredMode = Schema.RequiredMode.REQUIRED) Double value,
        @Schema(example = "S-000001") String partSerial,
        @Schema(example = "cam-1", requiredMode = Schema.RequiredMode.REQUIRED) String gaugeId,
        @Schema(description = "When the value was measured (frame capture time); now if absent",
                example = "2026-11-25T10:00:00Z") Instant observedAt,
        @Schema(description = "The adapter's message id; a repeated one records nothing", example = "cam-1/000001")
        String sourceMessageId) {

    RecordMeasurement toCommand(CharacteristicId characteristicId, Instant now) {
        return new RecordMeasurement(characteristicId, required("value", value),
                parseOptional("partSerial", partSerial, Serial::of), parse("gaugeId", gaugeId, GaugeId::of),
                observedAt != null ? observedAt : now, parseOptional("sourceMessageId", sourceMessageId, SourceMessageId::of));
    }
}
