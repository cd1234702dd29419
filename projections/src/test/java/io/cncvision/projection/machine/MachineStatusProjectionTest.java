package io.cncvision.projection.machine;

import static org.assertj.core.api.Assertions.assertThat;

import io.cncvision.api.machine.AlarmCleared;
import io.cncvision.api.machine.AlarmRaised;
import io.cncvision.api.machine.AlarmSeverity;
import io.cncvision.api.machine.CycleCompleted;
import io.cncvision.api.machine.MachineRegistered;
import io.cncvision.api.machine.MachineStateChanged;
import io.cncvision.api.value.MachineId;
import io.cncvision.api.value.MachineState;
import io.cncvision.api.value.Protocol;
import io.cncvision.api.value.SourceMessageId;
import io.cncvision.projection.ReadModelDatabase;
import io.cncvision.projection.SqlTime;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MachineStatusProjectionTest {

    private static final MachineId MILL = MachineId.of("mill-01");
    private static final Instant REGISTERED = Instant.parse("2026-11-25T08:00:00Z");
    private static final Instant T1 = Instant.parse("2026-11-25T08:05:00.123456Z");
    private static final Instant T2 = Instant.parse("2026-11-25T08:10:00Z");

    private ReadModelDatabase database;
    private MachineStatusProjection projection;

    @BeforeEach
    void emptyReadModel() {
        database = ReadModelDatabase.cleared();
        projection = new MachineStatusProjection(database.jdbc());
    }

    @Test
    void registeredMachineIsOfflineSinceItsRegistration() {
        register();

        Map<String, Object> row = row();
        assertThat(row).containsEntry("name", "Mill 1").containsEntry("protocol", "opcua")
                .containsEntry("endpoint", "opc.tcp://mill-01:4840").containsEntry("state", "OFFLINE")
                .containsEntry("cycle_count", 0L);
        assertThat(instant("state_since")).isEqualTo(REGISTERED);
        assertThat(instant("registered_at")).isEqualTo(REGISTERED);
        assertThat(alarms()).isEmpty();
    }

    @Test
    void stateChangeSetsStateAndObservationTime() {
        register();
        projection.on(new MachineStateChanged(MILL, MachineState.OFFLINE, MachineState.RUNNING, T1, source("s1")), 1);

        assertThat(row()).containsEntry("state", "RUNNING");
        assertThat(instant("state_since")).isEqualTo(T1);
    }

    @Test
    void alarmsAreListedInTheOrderRaisedUntilCleared() {
        register();
        projection.on(raised("E-100", T1), 1);
        projection.on(raised("E-200", T1), 2);
        projection.on(raised("E-300", T1), 3);
        assertThat(alarms()).containsExactly("E-100", "E-200", "E-300");

        projection.on(new AlarmCleared(MILL, "E-200", T2, source("c1")), 4);
        assertThat(alarms()).containsExactly("E-100", "E-300");
    }

    @Test
    void cycleCompletedSetsCountAndTime() {
        register();
        projection.on(new CycleCompleted(MILL, "O1000", null, 1, T1, source("k1")), 1);
        projection.on(new CycleCompleted(MILL, "O1000", null, 2, T2, source("k2")), 2);

        assertThat(row()).containsEntry("cycle_count", 2L);
        assertThat(instant("last_cycle_at")).isEqualTo(T2);
    }

    @Test
    void redeliveredEventsChangeNothing() {
        register();
        MachineStateChanged running = new MachineStateChanged(MILL, MachineState.OFFLINE, MachineState.RUNNING, T1,
                source("s1"));
        AlarmRaised alarm = raised("E-100", T1);
        projection.on(running, 1);
        projection.on(alarm, 2);
        projection.on(new MachineStateChanged(MILL, MachineState.RUNNING, MachineState.ALARM, T2, source("s2")), 3);
        projection.on(new AlarmCleared(MILL, "E-100", T2, source("c1")), 4);
        projection.on(new CycleCompleted(MILL, "O1000", null, 7, T2, source("k1")), 5);
        Map<String, Object> before = row();

        register();
        projection.on(running, 1);
        projection.on(alarm, 2);
        projection.on(new CycleCompleted(MILL, "O1000", null, 7, T2, source("k1")), 5);

        assertThat(row()).isEqualTo(before);
        assertThat(row()).containsEntry("state", "ALARM").containsEntry("cycle_count", 7L);
        assertThat(alarms()).isEmpty();
    }

    @Test
    void resetEmptiesTheReadModelForAReplay() {
        register();
        projection.reset();

        assertThat(database.jdbc().getJdbcTemplate()
                .queryForObject("SELECT count(*) FROM readmodel.machine_status", Long.class)).isZero();
        register();
        assertThat(row()).containsEntry("state", "OFFLINE");
    }

    private void register() {
        projection.on(new MachineRegistered(MILL, "Mill 1", Protocol.OPCUA, "opc.tcp://mill-01:4840"), 0, REGISTERED);
    }

    private static AlarmRaised raised(String code, Instant at) {
        return new AlarmRaised(MILL, code, AlarmSeverity.FAULT, "spindle overload", at, source(code));
    }

    private static SourceMessageId source(String id) {
        return SourceMessageId.of(id);
    }

    private Map<String, Object> row() {
        Map<String, Object> row = database.jdbc().getJdbcTemplate()
                .queryForMap("SELECT * FROM readmodel.machine_status WHERE machine_id = ?", MILL.value());
        row.remove("active_alarms"); // an SQL array has no value equality; see alarms()
        row.remove("held_under");
        return row;
    }

    private List<String> alarms() {
        return database.jdbc().getJdbcTemplate().queryForObject(
                "SELECT active_alarms FROM readmodel.machine_status WHERE machine_id = ?",
                (rs, n) -> Arrays.asList((String[]) rs.getArray(1).getArray()), MILL.value());
    }

    private Instant instant(String column) {
        return database.jdbc().getJdbcTemplate().queryForObject(
                "SELECT " + column + " FROM readmodel.machine_status WHERE machine_id = ?",
                (rs, n) -> SqlTime.instant(rs, column), MILL.value());
    }
}
