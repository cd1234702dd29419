package io.cncvision.app.web;

import static io.cncvision.app.web.RequestFields.required;

import io.cncvision.api.maintenance.SetMaintenancePlan;
import io.cncvision.api.value.MachineId;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** Body of {@code POST /api/v1/machines/{machineId}/maintenance-plan}. */
public record SetMaintenancePlanRequest(
        @Schema(example = "spindle", requiredMode = Schema.RequiredMode.REQUIRED) String component,
        @Schema(description = "A prediction of less remaining useful life schedules a work order", example = "48",
                requiredMode = Schema.RequiredMode.REQUIRED) Double remainingLifeThresholdHours) {

    SetMaintenancePlan toCommand(MachineId machineId, Instant now) {
        return new SetMaintenancePlan(machineId, component,
                required("remainingLifeThresholdHours", remainingLifeThresholdHours), now);
    }
}
