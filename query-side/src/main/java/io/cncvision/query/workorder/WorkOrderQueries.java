package io.cncvision.query.workorder;

import io.cncvision.api.workorder.FindAllWorkOrders;
import io.cncvision.api.workorder.FindWorkOrder;
import io.cncvision.api.workorder.OverdueStage;
import io.cncvision.api.workorder.WorkOrderSource;
import io.cncvision.api.workorder.WorkOrderStatus;
import io.cncvision.api.workorder.WorkOrderView;
import io.cncvision.projection.SqlTime;
import io.cncvision.query.NotFoundException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** Answers work order queries from {@code readmodel.work_order}. */
@Component
public class WorkOrderQueries {

    private static final String SELECT = """
            SELECT work_order_id, machine_id, reason, source, component, status, due, scheduled_at, started_by,
                   started_at, completed_by, completed_at, tool_changed, note, overdue
            FROM readmodel.work_order
            """;

    private final NamedParameterJdbcTemplate jdbc;

    public WorkOrderQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    public WorkOrderView handle(FindWorkOrder query) {
        return jdbc.query(SELECT + " WHERE work_order_id = :id", Map.of("id", query.workOrderId().value()),
                        WorkOrderQueries::workOrder)
                .stream().findFirst()
                .orElseThrow(() -> new NotFoundException("work order", query.workOrderId()));
    }

    @QueryHandler
    public List<WorkOrderView> handle(FindAllWorkOrders query) {
        return jdbc.query(SELECT + " ORDER BY scheduled_at DESC, work_order_id", WorkOrderQueries::workOrder);
    }

    private static WorkOrderView workOrder(ResultSet row, int rowNumber) throws SQLException {
        String overdue = row.getString("overdue");
        return new WorkOrderView(row.getString("work_order_id"), row.getString("machine_id"), row.getString("reason"),
                WorkOrderSource.valueOf(row.getString("source")), row.getString("component"),
                WorkOrderStatus.valueOf(row.getString("status")), SqlTime.instant(row, "due"),
                SqlTime.instant(row, "scheduled_at"), row.getString("started_by"), SqlTime.instant(row, "started_at"),
                row.getString("completed_by"), SqlTime.instant(row, "completed_at"), row.getString("tool_changed"),
                row.getString("note"), overdue == null ? null : OverdueStage.valueOf(overdue));
    }
}
