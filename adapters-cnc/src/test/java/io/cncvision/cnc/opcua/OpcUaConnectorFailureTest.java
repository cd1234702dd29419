package io.cncvision.cnc.opcua;

import static io.cncvision.cnc.opcua.OpcUaTesting.freePort;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

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
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** What the connector does when the other side misbehaves: it says what is wrong and keeps going. */
class OpcUaConnectorFailureTest {

    static final MachineId LATHE = new MachineId("lathe-2");

    @TempDir
    Path dir;

    final List<AutoCloseable> closing = new ArrayList<>();
    final RecordingSink sink = new RecordingSink();
    final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @AfterEach
    void stop() throws Exception {
        for (int i = closing.size() - 1; i >= 0; i--) {
            closing.get(i).close();
        }
        ((Logger) LoggerFactory.getLogger(OpcUaConnector.class)).detachAppender(logged);
    }

    MachineConnection connection(String endpoint, List<SignalMapping> signals, Map<String, String> extra) {
        Map<String, String> options = new java.util.HashMap<>(Map.of("pki-dir", dir.resolve("pki").toString(),
                "publishing-interval-ms", "20", "sampling-interval-ms", "0", "timeout-ms", "1000",
                "keep-alive-ms", "300"));
        options.putAll(extra);
        return new MachineConnection(LATHE, null, Protocol.OPCUA, endpoint, options, signals, Duration.ofMillis(100),
                Duration.ofMillis(400));
    }

    OpcUaConnector start(MachineConnection connection) {
        OpcUaConnector connector = new OpcUaConnector(connection);
        closing.add(connector);
        connector.start(sink);
        return connector;
    }

    OpcUaSimulatorServer simulator(SimulatedLathe lathe, int port) throws Exception {
        OpcUaSimulatorServer simulator = new OpcUaSimulatorServer(dir.resolve("simulator"));
        simulator.start(lathe, port);
        closing.add(simulator);
        return simulator;
    }

    @Test
    void aServerThatAcceptsAndNeverAnswersTimesOutWithAClearErrorAndIsRetried() throws Exception {
        ServerSocket silent = new ServerSocket(0);
        closing.add(silent);
        List<Socket> accepted = new CopyOnWriteArrayList<>();
        Thread acceptor = new Thread(() -> {
            while (!silent.isClosed()) {
                try {
                    accepted.add(silent.accept());
                } catch (Exception e) {
                    return;
                }
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
        closing.add(() -> accepted.forEach(socket -> {
            try {
                socket.close();
            } catch (Exception ignored) {
                // closing anyway
            }
        }));

        OpcUaConnector connector = start(connection("opc.tcp://localhost:" + silent.getLocalPort() + "/hangs",
                OpcUaSimulatorServer.mappings(), Map.of("timeout-ms", "300")));

        await().atMost(Duration.ofSeconds(10)).until(() -> !sink.lost.isEmpty());
        assertThat(sink.lost.get(0)).contains("did not answer GetEndpoints within 300 ms");
        await().atMost(Duration.ofSeconds(10)).until(() -> accepted.size() >= 3);
        assertThat(sink.lost).hasSize(1);
        assertThat(sink.observations).isEmpty();
        assertThat(connector.state()).isEqualTo(ConnectionState.CONNECTING);
    }

    @Test
    void aNodeThatDoesNotExistIsLoggedAndTheOtherSignalsStillArrive() throws Exception {
        ((Logger) LoggerFactory.getLogger(OpcUaConnector.class)).addAppender(logged);
        logged.start();
        SimulatedLathe lathe = new SimulatedLathe(3, Instant.parse("2026-01-05T06:00:00Z"));
        OpcUaSimulatorServer simulator = simulator(lathe, freePort());
        List<SignalMapping> signals = new ArrayList<>(OpcUaSimulatorServer.mappings());
        signals.add(0, new SignalMapping(MachineSignal.ALARM, "DOOR_OPEN", "ns=2;s=Lathe/Alarms/DOOR_OPEN", false, null));
        signals.add(1, new SignalMapping(MachineSignal.PROGRAM, null, "not a node id", false, null));
        start(connection(simulator.endpoint(), signals, Map.of()));

        await().atMost(Duration.ofSeconds(20)).until(() -> sink.heard(MachineSignal.EXECUTION, "READY"));
        lathe.advance(SimulatedLathe.LOAD);
        await().atMost(Duration.ofSeconds(5)).until(() -> sink.heard(MachineSignal.EXECUTION, "ACTIVE"));
        assertThat(logged.list).extracting(ILoggingEvent::getFormattedMessage)
                .anySatisfy(line -> assertThat(line).contains("ALARM DOOR_OPEN").contains("Bad_NodeIdUnknown")
                        .contains("the other signals carry on"))
                .anySatisfy(line -> assertThat(line).contains("'not a node id'"));
        assertThat(sink.lost).isEmpty();
    }

    @Test
    void aServerThatStopsAndComesBackIsReportedLostAndRestoredOnceEachAndValuesResume() throws Exception {
        SimulatedLathe lathe = new SimulatedLathe(5, Instant.parse("2026-01-05T06:00:00Z"));
        int port = freePort();
        OpcUaSimulatorServer first = simulator(lathe, port);
        OpcUaConnector connector = start(connection(first.endpoint(), OpcUaSimulatorServer.mappings(),
                Map.of("security", "none")));
        await().atMost(Duration.ofSeconds(20)).until(() -> sink.heard(MachineSignal.PART_COUNT, 0L));

        first.close();
        await().atMost(Duration.ofSeconds(10)).until(() -> sink.lost.size() == 1);
        // While the machine is away it makes two parts: heard on return as the current count, not invented.
        lathe.advance(SimulatedLathe.LOAD.plus(SimulatedLathe.CYCLE).multipliedBy(2));
        long partsMade = lathe.state().partCount();
        Thread.sleep(1500);
        assertThat(sink.lost).hasSize(1);
        assertThat(connector.state()).isEqualTo(ConnectionState.RECONNECTING);
        assertThatThrownBy(() -> connector.writeOffset(new OffsetWrite(SimulatedLathe.WEAR_OFFSET, 0.01)).get())
                .cause().isInstanceOf(IOException.class).hasMessageContaining("not connected");

        simulator(lathe, port);
        await().atMost(Duration.ofSeconds(20)).until(() -> sink.heard(MachineSignal.PART_COUNT, partsMade));
        assertThat(sink.restored).hasSize(1);
        assertThat(sink.lost).hasSize(1);
        assertThat(connector.state()).isEqualTo(ConnectionState.CONNECTED);

        lathe.advance(SimulatedLathe.LOAD);
        await().atMost(Duration.ofSeconds(5)).until(() -> sink.of(MachineSignal.EXECUTION).stream()
                .anyMatch(o -> o.value().equals("ACTIVE") && o.sourceTime().equals(lathe.state().time())));
        assertThat(sink.restored).hasSize(1);
        assertThat(sink.lost).hasSize(1);
    }
}
