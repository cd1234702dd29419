package io.cncvision.app.web;

import static io.cncvision.app.web.RequestFields.parseOptional;
import static io.cncvision.app.web.RequestFields.required;

import io.cncvision.api.characteristic.RecordCount;
import io.cncvision.api.value.CharacteristicId;
import io.cncvision.api.value.SourceMessageId;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** Body of {@code POST /api/v1/characteristics/{characteristicId}/counts}: one attribute sample. */
public record RecordCountRequest(
        @Schema(description = "Defectives in the sample (p, np) or defects found (c, u)", example = "3",
                requiredMode = Schema.RequiredMode.REQUIRED) Long count,
        @Schema(description = "Parts in the sample (p, np) or inspection units (c, u)", example = "120",
                requiredMode = Schema.RequiredMode.REQUIRED) Long size,
        @Schema(description = "When the sample was inspected; now if absent", example = "2026-11-25T10:00:00Z")
        Instant observedAt,
        @Schema(description = "The sender's message id; a repeated one records nothing", example = "cam-1/shift-2")
        String sourceMessageId) {

    RecordCount toCommand(CharacteristicId characteristicId, Instant now) {
        return new RecordCount(characteristicId, required("count", count), required("size", size),
                observedAt != null ? observedAt : now, parseOptional("sourceMessageId", sourceMessageId, SourceMessageId::of));
    }
}
