package io.cncvision.app.web;

import static io.cncvision.app.web.RequestFields.constant;
import static io.cncvision.app.web.RequestFields.parse;
import static io.cncvision.app.web.RequestFields.parseOptional;

import io.cncvision.api.part.InspectionDefect;
import io.cncvision.api.part.InspectionMeasurement;
import io.cncvision.api.part.InspectionResult;
import io.cncvision.api.part.RecordInspection;
import io.cncvision.api.value.CalibrationId;
import io.cncvision.api.value.CharacteristicId;
import io.cncvision.api.value.GaugeId;
import io.cncvision.api.value.Serial;
import io.cncvision.api.value.Sha256;
import io.cncvision.api.value.SourceMessageId;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/** Body of {@code POST /api/v1/parts/{serial}/inspections}: the verdict of one inspection. */
public record RecordInspectionRequest(
        @Schema(description = "The characteristic inspected, if the inspection concerns one", example = "pn1234-bore")
        String characteristicId,
        @Schema(example = "PASS", implementation = InspectionResult.class, requiredMode = Schema.RequiredMode.REQUIRED)
        String result,
        @Schema(example = "cam-1", requiredMode = Schema.RequiredMode.REQUIRED) String gaugeId,
        @Schema(example = "Burr on edge B") String note,
        @Schema(description = "When the part was inspected; now if absent", example = "2026-11-25T10:00:00Z")
        Instant observedAt,
        @Schema(description = "The adapter's message id; a repeated one records nothing") String sourceMessageId,
        @Schema(description = "What a camera measured: feature, value and unit") List<InspectionMeasurement> measurements,
        @Schema(description = "Defects a model found: class, confidence 0-1, box in pixels (absent for the whole image)")
        List<InspectionDefect> defects,
        @Schema(description = "SHA-256 of the image in the image store", example =
                "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08") String imageSha256,
        @Schema(description = "The calibration of the camera the measurements used", example = "cam-1-20261125")
        String calibrationId,
        @Schema(description = "SHA-256 of the defect model") String modelSha256) {

    RecordInspection toCommand(Serial serial, Instant now) {
        return new RecordInspection(serial, parseOptional("characteristicId", characteristicId, CharacteristicId::of),
                constant("result", result, InspectionResult.class), parse("gaugeId", gaugeId, GaugeId::of), note,
                observedAt != null ? observedAt : now, parseOptional("sourceMessageId", sourceMessageId, SourceMessageId::of),
                measurements, defects, parseOptional("imageSha256", imageSha256, Sha256::of),
                parseOptional("calibrationId", calibrationId, CalibrationId::of),
                parseOptional("modelSha256", modelSha256, Sha256::of));
    }
}
