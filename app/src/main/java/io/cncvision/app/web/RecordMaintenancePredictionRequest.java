package io.cncvision.app.web;

import static io.cncvision.app.web.RequestFields.required;

import io.cncvision.api.maintenance.RecordMaintenancePrediction;
import io.cncvision.api.value.MachineId;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** Body of {@code POST /api/v1/machines/{machineId}/predictions}: a failure model's remaining useful life. */
public record RecordMaintenancePredictionRequest(
        @Schema(example = "spindle", requiredMode = Schema.RequiredMode.REQUIRED) String component,
        @Schema(example = "30.5", requiredMode = Schema.RequiredMode.REQUIRED) Double remainingLifeHours,
        @Schema(description = "When it was predicted; now if absent", example = "2026-11-25T07:00:00Z")
        Instant predictedAt,
        @Schema(example = "spindle-rul-1.2", requiredMode = Schema.RequiredMode.REQUIRED) String modelVersion) {

    RecordMaintenancePrediction toCommand(MachineId machineId, Instant now) {
        return new RecordMaintenancePrediction(machineId, component, required("remainingLifeHours", remainingLifeHours),
                predictedAt != null ? predictedAt : now, modelVersion);
    }
}
