package io.cncvision.api.workorder;

import io.cncvision.api.Checks;
import io.cncvision.api.value.MachineId;
import io.cncvision.api.value.WorkOrderId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Schedules maintenance of a machine: why, what asked for it, the component concerned (spindle, T1; may be left
 * out) and when it is due to start.
 */
public record ScheduleWorkOrder(@TargetAggregateIdentifier WorkOrderId workOrderId, MachineId machineId,
                                String reason, WorkOrderSource source, String component, Instant due,
                                Instant scheduledAt) {

    public ScheduleWorkOrder {
        Checks.required("workOrderId", workOrderId);
        Checks.required("machineId", machineId);
        Checks.text("reason", reason, 1024);
        Checks.required("source", source);
        Checks.optionalText("component", component, 64);
        Checks.required("due", due);
        Checks.required("scheduledAt", scheduledAt);
    }
}
