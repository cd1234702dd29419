package io.cncvision.api.workorder;

import io.cncvision.api.value.MachineId;
import io.cncvision.api.value.WorkOrderId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A work order was completed; its machine leaves maintenance, with {@code toolChanged} new if one was replaced. */
@Revision("1")
public record WorkOrderCompleted(WorkOrderId workOrderId, MachineId machineId, String toolChanged, String note,
                                 String completedBy, Instant completedAt) {
}
