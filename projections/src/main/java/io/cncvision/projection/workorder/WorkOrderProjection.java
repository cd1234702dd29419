package io.cncvision.projection.workorder;

import io.cncvision.api.workorder.WorkOrderCompleted;
import io.cncvision.api.workorder.WorkOrderOverdue;
import io.cncvision.api.workorder.WorkOrderScheduled;
import io.cncvision.api.workorder.WorkOrderStarted;
import io.cncvision.api.workorder.WorkOrderStatus;
import io.cncvision.projection.ReadModelWriter;
import io.cncvision.projection.SqlTime;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Builds {@code readmodel.work_order}: each work order, where it stands and the deadline it missed. Updates are
 * guarded by the work order's event sequence, so a redelivered event changes nothing.
 */
@Component
@ProcessingGroup(WorkOrderProjection.PROCESSING_GROUP)
public class WorkOrderProjection {

    public static final String PROCESSING_GROUP = "work-orders";

    private final NamedParameterJdbcTemplate jdbc;
    private final ReadModelWriter writer;

    public WorkOrderProjection(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.writer = new ReadModelWriter(jdbc);
    }

    @EventHandler
    public void on(WorkOrderScheduled event, @SequenceNumber long sequence) {
        writer.update("""
                INSERT INTO readmodel.work_order
                    (work_order_id, machine_id, reason, source, component, status, due, scheduled_at, last_sequence)
                VALUES (:workOrderId, :machineId, :reason, :source, :component, :status, :due, :scheduledAt, :sequence)
                ON CONFLICT (work_order_id) DO NOTHING
                """, workOrder(event.workOrderId().value(), sequence)
                .addValue("machineId", event.machineId().value())
                .addValue("reason", event.reason())
                .addValue("source", event.source().name())
                .addValue("component", event.component())
                .addValue("status", WorkOrderStatus.SCHEDULED.name())
                .addValue("due", SqlTime.of(event.due()))
                .addValue("scheduledAt", SqlTime.of(event.scheduledAt())));
    }

    @EventHandler
    public void on(WorkOrderStarted event, @SequenceNumber long sequence) {
        applyOnce("status = :status, started_by = :startedBy, started_at = :startedAt",
                workOrder(event.workOrderId().value(), sequence)
                        .addValue("status", WorkOrderStatus.STARTED.name())
                        .addValue("startedBy", event.startedBy())
                        .addValue("startedAt", SqlTime.of(event.startedAt())));
    }

    @EventHandler
    public void on(WorkOrderCompleted event, @SequenceNumber long sequence) {
        applyOnce("status = :status, completed_by = :completedBy, completed_at = :completedAt,"
                        + " tool_changed = :toolChanged, note = :note",
                workOrder(event.workOrderId().value(), sequence)
                        .addValue("status", WorkOrderStatus.COMPLETED.name())
                        .addValue("completedBy", event.completedBy())
                        .addValue("completedAt", SqlTime.of(event.completedAt()))
                        .addValue("toolChanged", event.toolChanged())
                        .addValue("note", event.note()));
    }

    @EventHandler
    public void on(WorkOrderOverdue event, @SequenceNumber long sequence) {
        applyOnce("overdue = :stage", workOrder(event.workOrderId().value(), sequence)
                .addValue("stage", event.stage().name()));
    }

    @ResetHandler
    public void reset() {
        jdbc.getJdbcTemplate().execute("TRUNCATE readmodel.work_order");
    }

    private static MapSqlParameterSource workOrder(String workOrderId, long sequence) {
        return new MapSqlParameterSource("workOrderId", workOrderId).addValue("sequence", sequence);
    }

    /** Applies the assignments unless the row already reflects this event or a later one. */
    private void applyOnce(String assignments, MapSqlParameterSource parameters) {
        writer.update("UPDATE readmodel.work_order SET " + assignments + ", last_sequence = :sequence"
                + " WHERE work_order_id = :workOrderId AND last_sequence < :sequence", parameters);
    }
}
