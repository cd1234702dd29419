package io.cncvision.app.web;

import io.cncvision.api.nonconformance.ApplyContainment;
import io.cncvision.api.value.NonConformanceId;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/** Body of {@code POST /api/v1/nonconformances/{id}/containment}: the parts to hold and what was done. */
public record ApplyContainmentRequest(
        @Schema(description = "Serials of produced parts to hold", example = "[\"SN-000416\", \"SN-000417\"]")
        List<String> serials,
        @Schema(example = "Held at final inspection; lot LOT-7 sorted", requiredMode = Schema.RequiredMode.REQUIRED)
        String action) {

    ApplyContainment toCommand(NonConformanceId id, Instant now) {
        return new ApplyContainment(id, OpenNonConformanceRequest.serials("serials", serials), action, now);
    }
}
