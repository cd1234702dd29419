package io.cncvision.api.workorder;

import java.time.Instant;

/**
 * A work order as the read model knows it; the start and completion fields are null until they happen, and
 * {@code overdue} names the deadline it missed, null while it has missed none.
 */
public record WorkOrderView(String workOrderId, String machineId, String reason, WorkOrderSource source,
                            String component, WorkOrderStatus status, Instant due, Instant scheduledAt,
                            String startedBy, Instant startedAt, String completedBy, Instant completedAt,
                            String toolChanged, String note, OverdueStage overdue) {
}
