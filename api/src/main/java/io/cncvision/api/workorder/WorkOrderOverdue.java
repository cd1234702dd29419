package io.cncvision.api.workorder;

import io.cncvision.api.value.MachineId;
import io.cncvision.api.value.WorkOrderId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A work order missed its deadline: not started by its due, or not completed within its allowance. */
@Revision("1")
public record WorkOrderOverdue(WorkOrderId workOrderId, MachineId machineId, OverdueStage stage, Instant deadline,
                               Instant recordedAt) {
}
