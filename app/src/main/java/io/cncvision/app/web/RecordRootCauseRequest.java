package io.cncvision.app.web;

import io.cncvision.api.nonconformance.RecordRootCause;
import io.cncvision.api.value.NonConformanceId;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** Body of {@code POST /api/v1/nonconformances/{id}/root-cause} (IATF 16949 10.2.3). */
public record RecordRootCauseRequest(
        @Schema(example = "Boring insert T12 worn beyond its tool life", requiredMode = Schema.RequiredMode.REQUIRED)
        String rootCause,
        @Schema(example = "5 why", requiredMode = Schema.RequiredMode.REQUIRED)
        String method) {

    RecordRootCause toCommand(NonConformanceId id, String recordedBy, Instant now) {
        return new RecordRootCause(id, rootCause, method, recordedBy, now);
    }
}
