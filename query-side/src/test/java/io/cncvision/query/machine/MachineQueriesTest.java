package io.cncvision.query.machine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cncvision.api.machine.AlarmRaised;
import io.cncvision.api.machine.AlarmSeverity;
import io.cncvision.api.machine.CycleCompleted;
import io.cncvision.api.machine.FindAllMachines;
import io.cncvision.api.machine.FindMachine;
import io.cncvision.api.machine.MachineConnectionLost;
import io.cncvision.api.machine.MachineConnectionRestored;
import io.cncvision.api.machine.MachineHoldReleased;
import io.cncvision.api.machine.MachinePutOnHold;
import io.cncvision.api.machine.MachineRegistered;
import io.cncvision.api.machine.MachineStateChanged;
import io.cncvision.api.machine.MachineView;
import io.cncvision.api.machine.MaintenanceEnded;
import io.cncvision.api.machine.MaintenanceStarted;
import io.cncvision.api.value.MachineId;
import io.cncvision.api.value.MachineState;
import io.cncvision.api.value.NonConformanceId;
import io.cncvision.api.value.Protocol;
import io.cncvision.api.value.SourceMessageId;
import io.cncvision.api.value.WorkOrderId;
import io.cncvision.projection.machine.MachineStatusProjection;
import io.cncvision.query.NotFoundException;
import io.cncvision.query.QueryDatabase;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

class MachineQueriesTest {

    private static final Instant REGISTERED = Instant.parse("2026-11-25T08:00:00Z");
    private static final Instant T1 = Instant.parse("2026-11-25T08:05:00Z");

    private MachineStatusProjection projection;
    private MachineQueries queries;

    @BeforeEach
    void emptyReadModel() {
        NamedParameterJdbcTemplate jdbc = QueryDatabase.cleared().jdbc();
        projection = new MachineStatusProjection(jdbc);
        queries = new MachineQueries(jdbc);
    }

    @Test
    void findsAMachineWithItsStatus() {
        MachineId mill = MachineId.of("mill-01");
        projection.on(new MachineRegistered(mill, "Mill 1", Protocol.MODBUS, "mill-01:502"), 0, REGISTERED);
        projection.on(new MachineStateChanged(mill, MachineState.OFFLINE, MachineState.RUNNING, T1,
                SourceMessageId.of("s1")), 1);
        projection.on(new AlarmRaised(mill, "E-100", AlarmSeverity.WARNING, "coolant low", T1,
                SourceMessageId.of("a1")), 2);
        projection.on(new CycleCompleted(mill, "O1000", null, 41, T1, SourceMessageId.of("k1")), 3);

        assertThat(queries.handle(new FindMachine(mill))).isEqualTo(new MachineView("mill-01", "Mill 1", "modbus",
                "mill-01:502", MachineState.RUNNING, T1, List.of("E-100"), 41, T1, REGISTERED, null, null, null, List.of()));
    }

    @Test
    void aMachineInMaintenanceShowsMaintenanceAndItsHoldsAsTheyAreReleased() {
        MachineId mill = MachineId.of("mill-01");
        NonConformanceId report = NonConformanceId.of("NCR-20261125-00000000AB");
        projection.on(new MachineRegistered(mill, "Mill 1", Protocol.OPCUA, "opc.tcp://mill-01:4840"), 0, REGISTERED);
        projection.on(new MachineStateChanged(mill, MachineState.OFFLINE, MachineState.RUNNING, T1,
                SourceMessageId.of("s-1")), 1);
        projection.on(new MaintenanceStarted(mill, WorkOrderId.of("WO-7"), T1), 2);
        projection.on(new MachinePutOnHold(mill, report, "still out of control", T1), 3);
        MachineView held = queries.handle(new FindMachine(mill));
        assertThat(held.state()).isEqualTo(MachineState.MAINTENANCE);
        assertThat(held.maintenanceWorkOrder()).isEqualTo("WO-7");
        assertThat(held.heldUnder()).containsExactly(report.value());

        projection.on(new MaintenanceEnded(mill, WorkOrderId.of("WO-7"), T1), 4);
        projection.on(new MachineHoldReleased(mill, report, "root cause removed", T1), 5);
        MachineView released = queries.handle(new FindMachine(mill));
        assertThat(released.state()).isEqualTo(MachineState.RUNNING);
        assertThat(released.heldUnder()).isEmpty();
    }

    @Test
    void aLostConnectionShowsUntilItIsRestored() {
        MachineId mill = MachineId.of("mill-01");
        projection.on(new MachineRegistered(mill, "Mill 1", Protocol.OPCUA, "opc.tcp://mill-01:4840"), 0, REGISTERED);
        projection.on(new MachineConnectionLost(mill, "connection refused", T1), 1);

        MachineView lost = queries.handle(new FindMachine(mill));
        assertThat(lost.connectionLostSince()).isEqualTo(T1);
        assertThat(lost.connectionLostReason()).isEqualTo("connection refused");

        projection.on(new MachineConnectionRestored(mill, T1, T1.plusSeconds(30)), 2);
        assertThat(queries.handle(new FindMachine(mill)).connectionLostSince()).isNull();
    }

    @Test
    void listsEveryMachineByItsId() {
        for (String id : List.of("mill-02", "lathe-01", "mill-01")) {
            projection.on(new MachineRegistered(MachineId.of(id), id, Protocol.MANUAL, null), 0, REGISTERED);
        }

        assertThat(queries.handle(new FindAllMachines())).extracting(MachineView::machineId)
                .containsExactly("lathe-01", "mill-01", "mill-02");
        assertThat(queries.handle(new FindAllMachines())).first()
                .satisfies(m -> assertThat(m.state()).isEqualTo(MachineState.OFFLINE))
                .satisfies(m -> assertThat(m.activeAlarms()).isEmpty());
    }

    @Test
    void unknownMachineIsNotFound() {
        assertThatThrownBy(() -> queries.handle(new FindMachine(MachineId.of("mill-99"))))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("machine 'mill-99' not found");
    }
}
