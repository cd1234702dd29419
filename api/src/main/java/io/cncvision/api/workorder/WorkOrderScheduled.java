package io.cncvision.api.workorder;

import io.cncvision.api.value.MachineId;
import io.cncvision.api.value.WorkOrderId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A work order was scheduled for a machine, due to start by {@code due}. */
@Revision("1")
public record WorkOrderScheduled(WorkOrderId workOrderId, MachineId machineId, String reason, WorkOrderSource source,
                                 String component, Instant due, Instant scheduledAt) {
}
