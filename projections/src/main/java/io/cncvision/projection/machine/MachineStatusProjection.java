package io.cncvision.projection.machine;

import io.cncvision.api.machine.AlarmCleared;
import io.cncvision.api.machine.AlarmRaised;
import io.cncvision.api.machine.CycleCompleted;
import io.cncvision.api.machine.MachineConnectionLost;
import io.cncvision.api.machine.MachineConnectionRestored;
import io.cncvision.api.machine.MachineHoldReleased;
import io.cncvision.api.machine.MachinePutOnHold;
import io.cncvision.api.machine.MachineRegistered;
import io.cncvision.api.machine.MachineStateChanged;
import io.cncvision.api.machine.MaintenanceEnded;
import io.cncvision.api.machine.MaintenanceStarted;
import io.cncvision.api.value.MachineState;
import io.cncvision.projection.ReadModelWriter;
import io.cncvision.projection.SqlTime;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Builds {@code readmodel.machine_status}: each machine's state, active alarms and cycle count, the work order it
 * is in maintenance for and the nonconformances it is on hold under.
 * Every update is guarded by the machine's event sequence, so a redelivered event changes nothing.
 */
@Component
@ProcessingGroup(MachineStatusProjection.PROCESSING_GROUP)
public class MachineStatusProjection {

    public static final String PROCESSING_GROUP = "machine-status";

    /** A machine is OFFLINE until its controller first reports a state. */
    static final MachineState INITIAL_STATE = MachineState.OFFLINE;

    private final NamedParameterJdbcTemplate jdbc;
    private final ReadModelWriter writer;

    public MachineStatusProjection(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.writer = new ReadModelWriter(jdbc);
    }

    @EventHandler
    public void on(MachineRegistered event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        writer.update("""
                INSERT INTO readmodel.machine_status
                    (machine_id, name, protocol, endpoint, state, state_since, registered_at, last_sequence)
                VALUES (:machineId, :name, :protocol, :endpoint, :state, :recordedAt, :recordedAt, :sequence)
                ON CONFLICT (machine_id) DO UPDATE
                    SET name = EXCLUDED.name, protocol = EXCLUDED.protocol, endpoint = EXCLUDED.endpoint,
                        last_sequence = EXCLUDED.last_sequence
                    WHERE machine_status.last_sequence < EXCLUDED.last_sequence
                """, machine(event.machineId().value(), sequence)
                .addValue("name", event.name())
                .addValue("protocol", event.protocol().code())
                .addValue("endpoint", event.endpoint())
                .addValue("state", INITIAL_STATE.name())
                .addValue("recordedAt", SqlTime.of(recordedAt)));
    }

    @EventHandler
    public void on(MachineStateChanged event, @SequenceNumber long sequence) {
        applyOnce("state = :state, state_since = :observedAt", machine(event.machineId().value(), sequence)
                .addValue("state", event.to().name())
                .addValue("observedAt", SqlTime.of(event.observedAt())));
    }

    @EventHandler
    public void on(AlarmRaised event, @SequenceNumber long sequence) {
        applyOnce("""
                active_alarms = CASE WHEN :alarmCode = ANY (active_alarms) THEN active_alarms
                                     ELSE array_append(active_alarms, CAST(:alarmCode AS TEXT)) END
                """, machine(event.machineId().value(), sequence).addValue("alarmCode", event.alarmCode()));
    }

    @EventHandler
    public void on(AlarmCleared event, @SequenceNumber long sequence) {
        applyOnce("active_alarms = array_remove(active_alarms, CAST(:alarmCode AS TEXT))",
                machine(event.machineId().value(), sequence).addValue("alarmCode", event.alarmCode()));
    }

    @EventHandler
    public void on(CycleCompleted event, @SequenceNumber long sequence) {
        applyOnce("cycle_count = :cycleCount, last_cycle_at = :observedAt", machine(event.machineId().value(), sequence)
                .addValue("cycleCount", event.cycleCount())
                .addValue("observedAt", SqlTime.of(event.observedAt())));
    }

    @EventHandler
    public void on(MachineConnectionLost event, @SequenceNumber long sequence) {
        applyOnce("connection_lost_since = :observedAt, connection_lost_reason = :reason",
                machine(event.machineId().value(), sequence)
                        .addValue("observedAt", SqlTime.of(event.observedAt()))
                        .addValue("reason", event.reason()));
    }

    @EventHandler
    public void on(MachineConnectionRestored event, @SequenceNumber long sequence) {
        applyOnce("connection_lost_since = NULL, connection_lost_reason = NULL",
                machine(event.machineId().value(), sequence));
    }

    @EventHandler
    public void on(MaintenanceStarted event, @SequenceNumber long sequence) {
        applyOnce("maintenance_work_order = :workOrder", machine(event.machineId().value(), sequence)
                .addValue("workOrder", event.workOrderId().value()));
    }

    @EventHandler
    public void on(MaintenanceEnded event, @SequenceNumber long sequence) {
        applyOnce("maintenance_work_order = NULL", machine(event.machineId().value(), sequence));
    }

    @EventHandler
    public void on(MachinePutOnHold event, @SequenceNumber long sequence) {
        applyOnce("""
                held_under = CASE WHEN :report = ANY (held_under) THEN held_under
                                  ELSE array_append(held_under, CAST(:report AS TEXT)) END
                """, machine(event.machineId().value(), sequence)
                .addValue("report", event.nonConformanceId().value()));
    }

    @EventHandler
    public void on(MachineHoldReleased event, @SequenceNumber long sequence) {
        applyOnce("held_under = array_remove(held_under, CAST(:report AS TEXT))",
                machine(event.machineId().value(), sequence).addValue("report", event.nonConformanceId().value()));
    }

    @ResetHandler
    public void reset() {
        jdbc.getJdbcTemplate().execute("TRUNCATE readmodel.machine_status");
    }

    private static MapSqlParameterSource machine(String machineId, long sequence) {
        return new MapSqlParameterSource("machineId", machineId).addValue("sequence", sequence);
    }

    /** Applies the assignments unless the row already reflects this event or a later one. */
    private void applyOnce(String assignments, MapSqlParameterSource parameters) {
        writer.update("UPDATE readmodel.machine_status SET " + assignments + ", last_sequence = :sequence"
                + " WHERE machine_id = :machineId AND last_sequence < :sequence", parameters);
    }
}
