package io.cncvision.api.workorder;

import io.cncvision.api.value.MachineId;
import io.cncvision.api.value.WorkOrderId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** Work on a work order began: its machine is to show MAINTENANCE until it is completed. */
@Revision("1")
public record WorkOrderStarted(WorkOrderId workOrderId, MachineId machineId, String startedBy, Instant startedAt) {
}
