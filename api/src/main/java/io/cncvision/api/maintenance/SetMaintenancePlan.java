package io.cncvision.api.maintenance;

import io.cncvision.api.Checks;
import io.cncvision.api.value.MachineId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Sets, in a machine's maintenance plan, the remaining useful life of a component (spindle, T1) below which a
 * prediction schedules a work order.
 */
public record SetMaintenancePlan(MachineId machineId, String component, double remainingLifeThresholdHours,
                                 Instant setAt) {

    public SetMaintenancePlan {
        Checks.required("machineId", machineId);
        Checks.text("component", component, 64);
        if (!(remainingLifeThresholdHours > 0) || !Double.isFinite(remainingLifeThresholdHours)) {
            throw new IllegalArgumentException("remainingLifeThresholdHours must be positive, not "
                    + remainingLifeThresholdHours);
        }
        Checks.required("setAt", setAt);
    }

    @TargetAggregateIdentifier
    public String planId() {
        return MaintenancePlanIdentity.of(machineId);
    }
}
