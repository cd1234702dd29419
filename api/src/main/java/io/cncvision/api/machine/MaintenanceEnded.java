package io.cncvision.api.machine;

import io.cncvision.api.value.MachineId;
import io.cncvision.api.value.WorkOrderId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The machine's maintenance for a work order ended; it shows its controller's state again. */
@Revision("1")
public record MaintenanceEnded(MachineId machineId, WorkOrderId workOrderId, Instant endedAt) {
}
