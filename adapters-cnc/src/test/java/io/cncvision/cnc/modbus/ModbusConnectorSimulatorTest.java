package io.cncvision.cnc.modbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cncvision.api.machine.CompleteCycle;
import io.cncvision.api.part.ProducePart;
import io.cncvision.api.value.MachineId;
import io.cncvision.api.value.Serial;
import io.cncvision.cnc.AlarmLevel;
import io.cncvision.cnc.ConnectionState;
import io.cncvision.cnc.MachineConnectors;
import io.cncvision.cnc.MachineEventTranslator;
import io.cncvision.cnc.MachineSignal;
import io.cncvision.cnc.Observation.AlarmReport;
import io.cncvision.cnc.Observation;
import io.cncvision.cnc.OffsetWrite;
import io.cncvision.cnc.OffsetWritten;
import io.cncvision.cnc.PartNumbers;
import io.cncvision.cnc.RecordingSink;
import io.cncvision.cnc.simulator.SimulatedLathe;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ModbusConnectorSimulatorTest {

    private static final MachineId MACHINE = new MachineId("LATHE-MB");
    private static final Instant START = Instant.parse("2026-01-05T06:00:00Z");

    private final SimulatedLathe lathe = new SimulatedLathe(7, START);
    private final ModbusSimulatorServer server = new ModbusSimulatorServer();
    private final RecordingSink sink = new RecordingSink();
    private ModbusConnector connector;

    @BeforeEach
    void serve() throws Exception {
        int port = ModbusTesting.freePort();
        server.start(lathe, port);
        connector = (ModbusConnector) MachineConnectors.create(
                ModbusTesting.fast(ModbusSimulatorServer.connection(MACHINE, "127.0.0.1", port), Map.of()));
        connector.start(sink);
        RecordingSink.await(() -> connector.state() == ConnectionState.CONNECTED, "connected");
    }

    @AfterEach
    void stop() {
        connector.close();
        server.close();
    }

    @Test
    void reportsEverySignalOnConnectThenOnlyWhatChanges() {
        assertThat(sink.restored).hasSize(1);
        sink.awaitObservation(MachineSignal.EXECUTION, null, "READY"::equals);
        sink.awaitObservation(MachineSignal.PROGRAM, null, "O1234"::equals);
        sink.awaitObservation(MachineSignal.PART_COUNT, null, value -> value.equals(0L));
        sink.awaitObservation(MachineSignal.TOOL_OFFSET, "T1.geometry.x", value -> value.equals(-12.5));
        sink.awaitObservation(MachineSignal.ALARM, "COOLANT_LOW",
                value -> value.equals(new AlarmReport(AlarmLevel.NORMAL, "Coolant level low")));
        int first = sink.observations.size();
        assertThat(first).isEqualTo(ModbusSimulatorServer.connection(MACHINE, "h", 1).signals().size());
        Observation ready = sink.find(MachineSignal.EXECUTION, null, value -> true).orElseThrow();
        assertThat(ready.sourceId()).isEqualTo("modbus:input:0@" + ready.sourceTime());

        lathe.advance(Duration.ofSeconds(5));
        sink.awaitObservation(MachineSignal.EXECUTION, null, "ACTIVE"::equals);
        sink.awaitObservation(MachineSignal.SPINDLE_SPEED, null, value -> value.equals(1800.0));
        Observation load = sink.awaitObservation(MachineSignal.SPINDLE_LOAD, null, value -> (double) value > 20);
        assertThat((double) load.value()).isEqualTo((double) (float) lathe.state().spindleLoad(), within(1e-4));
        sink.awaitObservation(MachineSignal.AXIS_POSITION, "X", value -> (double) value < 60);

        lathe.advance(Duration.ofSeconds(20));
        sink.awaitObservation(MachineSignal.PART_COUNT, null, value -> value.equals(1L));
        sink.awaitObservation(MachineSignal.EXECUTION, null, "READY"::equals);
        // unchanged values are not reported again
        assertThat(sink.observations.stream().filter(o -> o.signal() == MachineSignal.PROGRAM)).hasSize(1);
        assertThat(sink.observations.stream().filter(o -> o.signal() == MachineSignal.ALARM)).hasSize(2);
    }

    @Test
    void reportsAnAlarmRaisedAndCleared() {
        // coolant runs low now and then: turn parts until it does
        for (int part = 0; part < 500 && !lathe.state().alarms().containsKey("COOLANT_LOW"); part++) {
            lathe.advance(SimulatedLathe.CYCLE.plus(SimulatedLathe.LOAD));
        }
        assertThat(lathe.state().alarms()).containsKey("COOLANT_LOW");
        sink.awaitObservation(MachineSignal.ALARM, "COOLANT_LOW",
                value -> value.equals(new AlarmReport(AlarmLevel.WARNING, "Coolant level low")));

        while (lathe.state().alarms().containsKey("COOLANT_LOW")) {
            lathe.advance(SimulatedLathe.CYCLE.plus(SimulatedLathe.LOAD));
        }
        RecordingSink.await(() -> sink.find(MachineSignal.ALARM, "COOLANT_LOW", value -> true).orElseThrow().value()
                .equals(new AlarmReport(AlarmLevel.NORMAL, "Coolant level low")), "the alarm cleared");
    }

    @Test
    void writesAnOffsetThatChangesTheNextBore() throws Exception {
        lathe.advance(SimulatedLathe.CYCLE.plus(SimulatedLathe.LOAD));
        double boreBefore = lathe.state().lastBore();

        OffsetWritten written = connector.writeOffset(new OffsetWrite("T1.wear.x", -0.05)).get(5, TimeUnit.SECONDS);

        assertThat(written.requested()).isEqualTo(-0.05);
        assertThat(written.confirmed()).isEqualTo(-0.05);
        assertThat(lathe.offset("T1.wear.x")).isEqualTo(-0.05);
        sink.awaitObservation(MachineSignal.TOOL_OFFSET, "T1.wear.x", value -> value.equals(-0.05));
        lathe.advance(SimulatedLathe.CYCLE.plus(SimulatedLathe.LOAD));
        assertThat(lathe.state().lastBore()).isEqualTo(boreBefore - 0.05, within(0.012));
    }

    @Test
    void readsTheSerialOfEachPartMadeFromItsRunOfHoldingRegistersAndThePartIsProduced() throws Exception {
        List<Object> commands = new CopyOnWriteArrayList<>();
        RecordingSink named = new RecordingSink(new MachineEventTranslator(commands::add, (machine, o) -> { },
                Map.of(MACHINE, new PartNumbers(null, Map.of(SimulatedLathe.PROGRAM, "PN-1234")))));
        ModbusConnector second = (ModbusConnector) MachineConnectors.create(ModbusTesting.fast(
                ModbusSimulatorServer.connection(MACHINE, "127.0.0.1", Integer.parseInt(
                        server.endpoint().substring(server.endpoint().lastIndexOf(':') + 1))), Map.of()));
        second.start(named);
        try {
            named.awaitObservation(MachineSignal.PART_COUNT, null, value -> value.equals(0L));
            assertThat(named.values(MachineSignal.PART_ID)).containsExactly("");

            for (int part = 1; part <= 2; part++) {
                lathe.advance(SimulatedLathe.LOAD);
                named.awaitObservation(MachineSignal.EXECUTION, null, "ACTIVE"::equals);
                lathe.advance(SimulatedLathe.CYCLE);
                long made = part;
                RecordingSink.await(() -> commands.stream().filter(ProducePart.class::isInstance).count() == made,
                        "part " + made + " produced");
            }

            assertThat(named.values(MachineSignal.PART_ID)).containsExactly("", "SIM7-000001", "SIM7-000002");
            assertThat(commands).filteredOn(CompleteCycle.class::isInstance).map(c -> ((CompleteCycle) c).partSerial())
                    .containsExactly(Serial.of("SIM7-000001"), Serial.of("SIM7-000002"));
            assertThat(commands).filteredOn(ProducePart.class::isInstance).map(c -> (ProducePart) c)
                    .extracting(ProducePart::serial, ProducePart::partNumber, ProducePart::program, ProducePart::toolId)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(Serial.of("SIM7-000001"), "PN-1234",
                                    SimulatedLathe.PROGRAM, "T1"),
                            org.assertj.core.groups.Tuple.tuple(Serial.of("SIM7-000002"), "PN-1234",
                                    SimulatedLathe.PROGRAM, "T1"));
        } finally {
            second.close();
        }
    }
}
