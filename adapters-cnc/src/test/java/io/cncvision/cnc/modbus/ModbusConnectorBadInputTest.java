package io.cncvision.cnc.modbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.cncvision.api.value.MachineId;
import io.cncvision.api.value.Protocol;
import io.cncvision.cnc.ConnectionState;
import io.cncvision.cnc.MachineConnection.SignalMapping;
import io.cncvision.cnc.MachineConnection;
import io.cncvision.cnc.MachineSignal;
import io.cncvision.cnc.OffsetWrite;
import io.cncvision.cnc.RecordingSink;
import io.cncvision.cnc.simulator.SimulatedLathe;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class ModbusConnectorBadInputTest {

    private static final MachineId MACHINE = new MachineId("LATHE-BAD");
    private static final Instant START = Instant.parse("2026-01-05T06:00:00Z");

    private final SimulatedLathe lathe = new SimulatedLathe(7, START);
    private final RecordingSink sink = new RecordingSink();
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final Logger connectorLog = (Logger) LoggerFactory.getLogger(ModbusConnector.class);
    private ModbusSimulatorServer server = new ModbusSimulatorServer();
    private ModbusConnector connector;

    @BeforeEach
    void captureLog() {
        logged.start();
        connectorLog.addAppender(logged);
    }

    @AfterEach
    void stop() {
        if (connector != null) {
            connector.close();
        }
        server.close();
        connectorLog.detachAppender(logged);
    }

    @Test
    void aRegisterOutOfRangeIsLoggedAndTheOtherSignalsKeepComing() throws Exception {
        int port = ModbusTesting.freePort();
        server.start(lathe, port);
        // input:13 follows the simulator's last input register, so it first shares a read with the good ones
        connector = new ModbusConnector(ModbusTesting.fast(ModbusSimulatorServer.connection(MACHINE, "127.0.0.1", port),
                Map.of(), new SignalMapping(MachineSignal.AXIS_POSITION, "Y", "input:13", false, Map.of())));
        connector.start(sink);

        sink.awaitObservation(MachineSignal.EXECUTION, null, "READY"::equals);
        lathe.advance(Duration.ofSeconds(5));
        sink.awaitObservation(MachineSignal.EXECUTION, null, "ACTIVE"::equals);
        sink.awaitObservation(MachineSignal.SPINDLE_SPEED, null, value -> value.equals(1800.0));

        assertThat(connector.state()).isEqualTo(ConnectionState.CONNECTED);
        assertThat(sink.lost).isEmpty();
        assertThat(sink.find(MachineSignal.AXIS_POSITION, "Y", value -> true)).isEmpty();
        assertThat(errors()).singleElement().satisfies(message -> assertThat(message)
                .contains("LATHE-BAD", "AXIS_POSITION Y at input:13", "exception 2"));
    }

    @Test
    void aServerThatAcceptsAndNeverAnswersTimesOutAndIsRetried() throws Exception {
        List<Socket> accepted = new CopyOnWriteArrayList<>();
        try (ServerSocket hanging = new ServerSocket(0)) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        accepted.add(hanging.accept());
                    }
                } catch (IOException closed) {
                    // test over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            connector = new ModbusConnector(ModbusTesting.fast(
                    ModbusSimulatorServer.connection(MACHINE, "127.0.0.1", hanging.getLocalPort()),
                    Map.of("timeout", "150")));
            connector.start(sink);

            RecordingSink.await(() -> accepted.size() >= 3, "the connector to try again");
            assertThat(sink.lost).singleElement().satisfies(reason -> assertThat(reason)
                    .contains("127.0.0.1:" + hanging.getLocalPort(), "did not answer within 150 ms"));
            assertThat(sink.restored).isEmpty();
            assertThat(sink.observations).isEmpty();
            assertThat(connector.state()).isEqualTo(ConnectionState.RECONNECTING);
            assertThat(connector.writeOffset(new OffsetWrite("T1.wear.x", 0.01)))
                    .failsWithin(Duration.ofSeconds(1)).withThrowableOfType(ExecutionException.class)
                    .withCauseInstanceOf(IOException.class);
        } finally {
            for (Socket socket : accepted) {
                socket.close();
            }
        }
    }

    @Test
    void aServerStoppedAndRestartedIsLostOnceRestoredOnceAndResynchronised() throws Exception {
        int port = ModbusTesting.freePort();
        server.start(lathe, port);
        connector = new ModbusConnector(ModbusTesting.fast(ModbusSimulatorServer.connection(MACHINE, "127.0.0.1", port),
                Map.of()));
        connector.start(sink);
        sink.awaitObservation(MachineSignal.PART_COUNT, null, value -> value.equals(0L));

        server.close();
        RecordingSink.await(() -> !sink.lost.isEmpty(), "the connection lost");
        lathe.advance(SimulatedLathe.CYCLE.plus(SimulatedLathe.LOAD).multipliedBy(2));
        Thread.sleep(300);
        int heardWhileAway = sink.observations.size();
        server = new ModbusSimulatorServer();
        server.start(lathe, port);

        sink.awaitObservation(MachineSignal.PART_COUNT, null, value -> value.equals(2L));
        assertThat(sink.lost).hasSize(1);
        assertThat(sink.restored).hasSize(2);
        assertThat(connector.state()).isEqualTo(ConnectionState.CONNECTED);
        // everything is reported again after the reconnect, unchanged values included
        assertThat(sink.observations.size() - heardWhileAway)
                .isGreaterThanOrEqualTo(ModbusSimulatorServer.connection(MACHINE, "h", 1).signals().size());
        assertThat(sink.observations.subList(0, heardWhileAway))
                .noneMatch(o -> o.signal() == MachineSignal.PART_COUNT && o.value().equals(2L));
    }

    @Test
    void anOffsetTheRegistersCannotHoldIsRefusedNamingIt() {
        MachineConnection connection = new MachineConnection(MACHINE, null, Protocol.MODBUS, "127.0.0.1:1", Map.of(),
                List.of(new SignalMapping(MachineSignal.TOOL_OFFSET, "T1.wear.x", "holding:0", true,
                                Map.of("type", "int16", "scale", "0.001")),
                        new SignalMapping(MachineSignal.TOOL_OFFSET, "T2.wear.x", "holding:1", true,
                                Map.of("type", "float32"))),
                null, null);
        connector = new ModbusConnector(connection);

        assertThat(connector.writeOffset(new OffsetWrite("T1.wear.x", 40.0))).failsWithin(Duration.ZERO)
                .withThrowableOfType(ExecutionException.class).withCauseInstanceOf(IllegalArgumentException.class)
                .withMessageContaining("T1.wear.x").withMessageContaining("int16");
        assertThat(connector.writeOffset(new OffsetWrite("T2.wear.x", 1e39))).failsWithin(Duration.ZERO)
                .withThrowableOfType(ExecutionException.class).withCauseInstanceOf(IllegalArgumentException.class)
                .withMessageContaining("T2.wear.x").withMessageContaining("float32");
        assertThat(connector.writeOffset(new OffsetWrite("T9.wear.x", 0.1))).failsWithin(Duration.ZERO)
                .withThrowableOfType(ExecutionException.class).withCauseInstanceOf(IllegalArgumentException.class)
                .withMessageContaining("T9.wear.x");
    }

    @Test
    void aConfigurationThatCannotWorkIsRefusedNamingTheMachineAndSignal() {
        assertThatThrownBy(() -> new ModbusConnector(new MachineConnection(MACHINE, null, Protocol.MODBUS,
                "127.0.0.1:502", Map.of(), List.of(new SignalMapping(MachineSignal.SPINDLE_LOAD, null, "holdin:4",
                        false, Map.of())), null, null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("LATHE-BAD").hasMessageContaining("SPINDLE_LOAD").hasMessageContaining("holdin:4");
        assertThatThrownBy(() -> new ModbusConnector(new MachineConnection(MACHINE, null, Protocol.MODBUS,
                "127.0.0.1:502", Map.of(), List.of(new SignalMapping(MachineSignal.EXECUTION, null, "input:0",
                        false, Map.of())), null, null)))
                .hasMessageContaining("values");
        assertThatThrownBy(() -> new ModbusConnector(new MachineConnection(MACHINE, null, Protocol.MODBUS,
                "127.0.0.1:502", Map.of("poll-interval", "fast"), List.of(), null, null)))
                .hasMessageContaining("poll-interval");
    }

    private List<String> errors() {
        return logged.list.stream().filter(event -> event.getLevel() == Level.ERROR)
                .map(ILoggingEvent::getFormattedMessage).toList();
    }

}
