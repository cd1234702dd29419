package io.cncvision.app.web;

import static io.cncvision.app.web.RequestFields.constant;
import static io.cncvision.app.web.RequestFields.parse;
import static io.cncvision.app.web.RequestFields.parseOptional;

import io.cncvision.api.part.InspectionResult;
import io.cncvision.api.part.RecordInspection;
import io.cncvision.api.value.CharacteristicId;
import io.cncvision.api.value.GaugeId;
import io.cncvision.api.value.Serial;
import io.cncvision.api.value.SourceMessageId;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

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
        @Schema(description = "The adapter's message id; a repeated one records nothing") String sourceMessageId) {

    RecordInspection toCommand(Serial serial, Instant now) {
        return new RecordInspection(serial, parseOptional("characteristicId", characteristicId, CharacteristicId::of),
                constant("result", result, InspectionResult.class), parse("gaugeId", gaugeId, GaugeId::of), note,
                observedAt != null ? observedAt : now, parseOptional("sourceMessageId", sourceMessageId, SourceMessageId::of));
    }
}
