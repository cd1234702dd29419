package io.cncvision.query.machine;

import io.cncvision.api.machine.FindAllMachines;
import io.cncvision.api.machine.FindMachine;
import io.cncvision.api.machine.MachineView;
import io.cncvision.api.value.MachineState;
import io.cncvision.projection.SqlTime;
import io.cncvision.query.NotFoundException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** Answers machine status queries from {@code readmodel.machine_status}. */
@Component
public class MachineQueries {

    private static final String SELECT = """
            SELECT machine_id, name, protocol, endpoint, state, state_since, active_alarms, cycle_count,
                   last_cycle_at, registered_at, connection_lost_since, connection_lost_reason,
                   maintenance_work_order, held_under
            FROM readmodel.machine_status
            """;

    private final NamedParameterJdbcTemplate jdbc;

    public MachineQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    public MachineView handle(FindMachine query) {
        return jdbc.query(SELECT + " WHERE machine_id = :machineId", Map.of("machineId", query.machineId().value()),
                        MachineQueries::view)
                .stream().findFirst()
                .orElseThrow(() -> new NotFoundException("machine", query.machineId()));
    }

    @QueryHandler
    public List<MachineView> handle(FindAllMachines query) {
        return jdbc.query(SELECT + " ORDER BY machine_id", MachineQueries::view);
    }

    private static MachineView view(ResultSet row, int rowNumber) throws SQLException {
        String maintenance = row.getString("maintenance_work_order");
        return new MachineView(row.getString("machine_id"), row.getString("name"), row.getString("protocol"),
                row.getString("endpoint"),
                maintenance != null ? MachineState.MAINTENANCE : MachineState.valueOf(row.getString("state")),
                SqlTime.instant(row, "state_since"), List.of((String[]) row.getArray("active_alarms").getArray()),
                row.getLong("cycle_count"), SqlTime.instant(row, "last_cycle_at"),
                SqlTime.instant(row, "registered_at"), SqlTime.instant(row, "connection_lost_since"),
                row.getString("connection_lost_reason"), maintenance,
                List.of((String[]) row.getArray("held_under").getArray()));
    }
}
