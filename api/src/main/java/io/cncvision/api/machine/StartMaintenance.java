package io.cncvision.api.machine;

import io.cncvision.api.Checks;
import io.cncvision.api.value.MachineId;
import io.cncvision.api.value.WorkOrderId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Takes a machine into maintenance for a work order: it shows MAINTENANCE until the work order ends it. */
public record StartMaintenance(@TargetAggregateIdentifier MachineId machineId, WorkOrderId workOrderId,
                               Instant startedAt) {

    public StartMaintenance {
        Checks.required("machineId", machineId);
        Checks.required("workOrderId", workOrderId);
        Checks.required("startedAt", startedAt);
    }
}
