package io.cncvision.api.maintenance;

import io.cncvision.api.Checks;
import io.cncvision.api.value.MachineId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records a failure model's prediction of a component's remaining useful life, with the model's version. */
public record RecordMaintenancePrediction(MachineId machineId, String component, double remainingLifeHours,
                                          Instant predictedAt, String modelVersion) {

    public RecordMaintenancePrediction {
        Checks.required("machineId", machineId);
        Checks.text("component", component, 64);
        if (!(remainingLifeHours >= 0) || !Double.isFinite(remainingLifeHours)) {
            throw new IllegalArgumentException("remainingLifeHours must be at least 0, not " + remainingLifeHours);
        }
        Checks.required("predictedAt", predictedAt);
        Checks.text("modelVersion", modelVersion, 128);
    }

    @TargetAggregateIdentifier
    public String planId() {
        return MaintenancePlanIdentity.of(machineId);
    }
}
