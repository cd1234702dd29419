package io.cncvision.app.web;

import io.cncvision.api.nonconformance.CloseNonConformance;
import io.cncvision.api.value.NonConformanceId;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** Body of {@code POST /api/v1/nonconformances/{id}/close}: why the nonconformance can be closed. */
public record CloseNonConformanceRequest(
        @Schema(example = "Effective: 500 parts in specification since the change", requiredMode = Schema.RequiredMode.REQUIRED)
        String note) {

    CloseNonConformance toCommand(NonConformanceId id, String closedBy, Instant now) {
        return new CloseNonConformance(id, note, closedBy, now);
    }
}
