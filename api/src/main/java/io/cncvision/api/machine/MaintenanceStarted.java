package io.cncvision.api.machine;

import io.cncvision.api.value.MachineId;
import io.cncvision.api.value.WorkOrderId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The machine went into maintenance for a work order. */
@Revision("1")
public record MaintenanceStarted(MachineId machineId, WorkOrderId workOrderId, Instant startedAt) {
}
