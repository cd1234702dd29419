package io.cncvision.api.machine;

import io.cncvision.api.Checks;
import io.cncvision.api.value.MachineId;
import io.cncvision.api.value.WorkOrderId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Ends a machine's maintenance for a work order; {@code toolChanged} names the tool replaced (T1), null when
 * none was. A new tool starts with no wear and no wear offset.
 */
public record EndMaintenance(@TargetAggregateIdentifier MachineId machineId, WorkOrderId workOrderId,
                             String toolChanged, Instant endedAt) {

    public EndMaintenance {
        Checks.required("machineId", machineId);
        Checks.required("workOrderId", workOrderId);
        Checks.optionalText("toolChanged", toolChanged, 64);
        Checks.required("endedAt", endedAt);
    }
}
