package io.cncvision.cnc.modbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import io.cncvision.api.value.MachineId;
import io.cncvision.api.value.Protocol;
import io.cncvision.cnc.AlarmLevel;
import io.cncvision.cnc.ConnectionState;
import io.cncvision.cnc.MachineConnection.SignalMapping;
import io.cncvision.cnc.MachineConnection;
import io.cncvision.cnc.MachineSignal;
import io.cncvision.cnc.Observation.AlarmReport;
import io.cncvision.cnc.OffsetWrite;
import io.cncvision.cnc.OffsetWritten;
import io.cncvision.cnc.RecordingSink;
import io.cncvision.cnc.simulator.SimulatedLathe;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Our connector and simulator against pymodbus (Debian's python3-pymodbus 3.x), as server and as client. */
class ModbusPymodbusInteropTest {

    private static final MachineId MACHINE = new MachineId("PEER-1");

    @BeforeEach
    void peerInstalled() throws Exception {
        PymodbusPeer.assumeInstalled();
    }

    @Test
    void pollsAPymodbusServerAndWritesItsOffset() throws Exception {
        int port = ModbusTesting.freePort();
        // the map of modbus_peer_server.py
        MachineConnection connection = new MachineConnection(MACHINE, "pymodbus server", Protocol.MODBUS,
                "127.0.0.1:" + port, Map.of("unit-id", "1", "poll-interval", "20", "timeout", "500", "retries", "0"),
                List.of(new SignalMapping(MachineSignal.EXECUTION, null, "holding:0", false,
                                Map.of("values", "0=READY,1=ACTIVE")),
                        new SignalMapping(MachineSignal.PART_COUNT, null, "holding:1", false,
                                Map.of("type", "uint32", "words", "little")),
                        new SignalMapping(MachineSignal.SPINDLE_SPEED, null, "holding:3", false,
                                Map.of("type", "int16", "scale", "0.1")),
                        new SignalMapping(MachineSignal.TOOL_OFFSET, "T1.wear.x", "holding:4", true,
                                Map.of("type", "float32", "words", "big")),
                        new SignalMapping(MachineSignal.AXIS_POSITION, "X", "holding:6", false,
                                Map.of("type", "int16", "scale", "0.01")),
                        new SignalMapping(MachineSignal.AXIS_POSITION, "Z", "holding:10", false, Map.of()),
                        new SignalMapping(MachineSignal.SPINDLE_LOAD, null, "input:0", false, Map.of("type", "float32")),
                        new SignalMapping(MachineSignal.ALARM, "COOLANT_LOW", "coil:0", false,
                                Map.of("level", "WARNING", "text", "Coolant low")),
                        new SignalMapping(MachineSignal.ALARM, "SPINDLE_OVERLOAD", "coil:1", false, Map.of()),
                        new SignalMapping(MachineSignal.ALARM, "DOOR_OPEN", "discrete:0", false,
                                Map.of("level", "WARNING"))),
                Duration.ofMillis(100), Duration.ofMillis(400));
        RecordingSink sink = new RecordingSink();
        try (PymodbusPeer peer = PymodbusPeer.start("modbus_peer_server.py", Integer.toString(port));
             ModbusConnector connector = new ModbusConnector(connection)) {
            ModbusTesting.awaitListening(port);
            connector.start(sink);

            sink.awaitObservation(MachineSignal.EXECUTION, null, "ACTIVE"::equals);
            sink.awaitObservation(MachineSignal.PART_COUNT, null, value -> value.equals(70000L));
            sink.awaitObservation(MachineSignal.SPINDLE_SPEED, null, value -> value.equals(1200.0));
            sink.awaitObservation(MachineSignal.TOOL_OFFSET, "T1.wear.x", value -> value.equals(0.25));
            assertThat((double) sink.awaitObservation(MachineSignal.AXIS_POSITION, "X", value -> true).value())
                    .isEqualTo(-12.34, within(1e-9));
            sink.awaitObservation(MachineSignal.SPINDLE_LOAD, null, value -> value.equals(42.5));
            sink.awaitObservation(MachineSignal.ALARM, "COOLANT_LOW",
                    value -> value.equals(new AlarmReport(AlarmLevel.WARNING, "Coolant low")));
            sink.awaitObservation(MachineSignal.ALARM, "SPINDLE_OVERLOAD",
                    value -> value.equals(new AlarmReport(AlarmLevel.NORMAL, "SPINDLE_OVERLOAD")));
            sink.awaitObservation(MachineSignal.ALARM, "DOOR_OPEN",
                    value -> value.equals(new AlarmReport(AlarmLevel.WARNING, "DOOR_OPEN")));

            OffsetWritten written = connector.writeOffset(new OffsetWrite("T1.wear.x", 0.125)).get(5, TimeUnit.SECONDS);

            assertThat(written.confirmed()).isEqualTo(0.125);
            sink.awaitObservation(MachineSignal.TOOL_OFFSET, "T1.wear.x", value -> value.equals(0.125));
            // pymodbus has no holding:10: that signal is left out, the rest keep coming
            assertThat(sink.find(MachineSignal.AXIS_POSITION, "Z", value -> true)).isEmpty();
            assertThat(connector.state()).isEqualTo(ConnectionState.CONNECTED);
            assertThat(sink.lost).isEmpty();
            assertThat(peer.isAlive()).as("pymodbus server still running: %s", peer.output()).isTrue();
        }
    }

    @Test
    void aPymodbusClientReadsTheSimulatorAndWritesItsOffset() throws Exception {
        SimulatedLathe lathe = new SimulatedLathe(3, Instant.parse("2026-01-05T06:00:00Z"));
        lathe.advance(Duration.ofSeconds(10));
        int port = ModbusTesting.freePort();
        try (ModbusSimulatorServer server = new ModbusSimulatorServer()) {
            server.start(lathe, port);

            DocumentContext read = JsonPath.parse(PymodbusPeer.run("modbus_peer_client.py", "127.0.0.1",
                    Integer.toString(port)));

            assertThat(read.read("$.execution", String.class)).isEqualTo("ACTIVE");
            assertThat(read.read("$.partCount", Long.class)).isZero();
            assertThat(read.read("$.spindleSpeed", Integer.class)).isEqualTo(1800);
            assertThat(read.read("$.spindleLoad", Double.class)).isEqualTo(lathe.state().spindleLoad(), within(1e-4));
            assertThat(read.read("$.feedOverride", Integer.class)).isEqualTo(100);
            assertThat(read.read("$.activeTool", Integer.class)).isEqualTo(1);
            assertThat(read.read("$.x", Double.class)).isEqualTo(lathe.state().xPosition(), within(1e-4));
            assertThat(read.read("$.z", Double.class)).isEqualTo(lathe.state().zPosition(), within(1e-4));
            assertThat(read.read("$.program", Integer.class)).isEqualTo(1234);
            assertThat(read.read("$.geometryOffset", Double.class)).isEqualTo(-12.5);
            assertThat(read.read("$.coolantLow", Boolean.class)).isFalse();

            DocumentContext written = JsonPath.parse(PymodbusPeer.run("modbus_peer_client.py", "127.0.0.1",
                    Integer.toString(port), "-0.03"));

            assertThat(lathe.offset(SimulatedLathe.WEAR_OFFSET)).isEqualTo(-0.03);
            assertThat(written.read("$.wearOffset", Double.class)).isEqualTo(-0.03, within(1e-7));
        }
    }
}
