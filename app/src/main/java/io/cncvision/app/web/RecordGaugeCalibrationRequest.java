package io.cncvision.app.web;

import static io.cncvision.app.web.RequestFields.constant;
import static io.cncvision.app.web.RequestFields.parse;

import io.cncvision.api.gauge.AsFoundCondition;
import io.cncvision.api.gauge.AsLeftCondition;
import io.cncvision.api.gauge.RecordGaugeCalibration;
import io.cncvision.api.value.CalibrationId;
import io.cncvision.api.value.GaugeId;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** Body of {@code POST /api/v1/gauges/{gaugeId}/certifications}: a calibration certificate (IATF 16949 7.1.5.2). */
public record RecordGaugeCalibrationRequest(
        @Schema(example = "caliper-7-2026-11", requiredMode = Schema.RequiredMode.REQUIRED) String calibrationId,
        @Schema(example = "IN_TOLERANCE", implementation = AsFoundCondition.class,
                requiredMode = Schema.RequiredMode.REQUIRED) String asFound,
        @Schema(example = "ADJUSTED", implementation = AsLeftCondition.class,
                requiredMode = Schema.RequiredMode.REQUIRED) String asLeft,
        @Schema(description = "Certificate number or URL", example = "DAkkS D-K-12345-2026-0815",
                requiredMode = Schema.RequiredMode.REQUIRED) String certificate,
        @Schema(description = "When the next calibration is due; may be left out only for asLeft FAILED",
                example = "2027-05-25T07:00:00Z") Instant dueAt,
        @Schema(description = "When it was calibrated; now if absent", example = "2026-11-25T07:00:00Z")
        Instant calibratedAt,
        @Schema(description = "Who calibrated it (a laboratory, a person); the caller if absent",
                example = "Metrology lab") String calibratedBy) {

    RecordGaugeCalibration toCommand(GaugeId gaugeId, String caller, Instant now) {
        return new RecordGaugeCalibration(gaugeId, parse("calibrationId", calibrationId, CalibrationId::of),
                constant("asFound", asFound, AsFoundCondition.class),
                constant("asLeft", asLeft, AsLeftCondition.class), certificate, dueAt,
                calibratedAt != null ? calibratedAt : now, calibratedBy != null ? calibratedBy : caller);
    }
}
