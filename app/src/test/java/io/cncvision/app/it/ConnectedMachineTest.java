package io.cncvision.app.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.cncvision.api.value.MachineId;
import io.cncvision.app.connectors.MachineConnectionsProperties;
import io.cncvision.app.security.Role;
import io.cncvision.cnc.MachineConnection;
import io.cncvision.cnc.modbus.ModbusSimulatorServer;
import io.cncvision.cnc.mtconnect.MtConnectAgentServer;
import io.cncvision.cnc.opcua.OpcUaSimulatorServer;
import io.cncvision.cnc.simulator.SimulatedLathe;
import io.cncvision.cnc.simulator.SimulatorServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A machine configured under {@code cncvision.machines}, the simulated lathe over each protocol: the
 * platform registers it, hears its states, cycles and alarms as events, records the part each cycle made
 * under the serial the lathe names it by, records the loss of its connection and its return, and counts
 * every part made while it was away.
 */
class ConnectedMachineTest {

    static final MachineId LATHE = MachineId.of("sim-lathe");

    @TempDir
    Path dataDir;

    /** The connection as Spring Boot command-line options, the way an integrator's YAML would set them. */
    static List<String> arguments(MachineConnection connection) {
        List<String> arguments = new ArrayList<>(MachineConnectionsProperties.arguments(0, connection));
        arguments.add("--cncvision.machines[0].initial-backoff=100ms");
        arguments.add("--cncvision.machines[0].maximum-backoff=400ms");
        return arguments;
    }

    /** Moves the certificates an OPC-UA refusal saved into the trust list, as its message says to; always true. */
    static boolean trustRejected(Path pki) throws IOException {
        Path rejected = pki.resolve("rejected");
        if (Files.isDirectory(rejected)) {
            Path trusted = Files.createDirectories(pki.resolve("trusted").resolve("certs"));
            try (Stream<Path> files = Files.list(rejected)) {
                for (Path file : files.toList()) {
                    Files.move(file, trusted.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return true;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The simulator of one protocol and the connection a platform configures to reach it. */
    record Simulated(String protocol, Supplier<SimulatorServer> server, BiFunction<SimulatorServer, Integer, MachineConnection> connection) {

        @Override
        public String toString() {
            return protocol;
        }
    }

    static Stream<Simulated> protocols(Path pki) {
        return Stream.of(
                new Simulated("modbus", ModbusSimulatorServer::new,
                        (server, port) -> ModbusSimulatorServer.connection(LATHE, "127.0.0.1", port)),
                new Simulated("opcua", OpcUaSimulatorServer::new,
                        (server, port) -> OpcUaSimulatorServer.connection(LATHE, server.endpoint(),
                                Map.of("security", "sign-and-encrypt", "pki-dir", pki.toString()))),
                new Simulated("mtconnect", MtConnectAgentServer::new,
                        (server, port) -> MtConnectAgentServer.connection(LATHE, server.endpoint())));
    }

    static Stream<String> protocolNames() {
        return Stream.of("modbus", "opcua", "mtconnect");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("protocolNames")
    void theSimulatedLatheIsHeardThroughItsConnectorAndItsOutageIsRecorded(String protocol) throws Exception {
        Simulated simulated = protocols(dataDir.resolve("pki")).filter(p -> p.protocol().equals(protocol))
                .findFirst().orElseThrow();
        int port = freePort();
        SimulatedLathe lathe = new SimulatedLathe(5, Instant.now());
        SimulatorServer server = simulated.server().get();
        server.start(lathe, port);
        MachineConnection connection = simulated.connection().apply(server, port);
        List<String> arguments = new ArrayList<>(arguments(connection));
        arguments.add("--cncvision.machines[0].part-number=PN-1234");
        try (RunningPlatform platform = RunningPlatform.start(dataDir, arguments.toArray(String[]::new))) {
            String engineer = platform.token("erin", Role.QUALITY_ENGINEER);
            await().atMost(Duration.ofSeconds(20)).until(() ->
                    platform.get("/api/v1/machines/sim-lathe", engineer).statusCode() == 200);
            // as an integrator would: the first OPC-UA connection is refused until the server's certificate,
            // which the refusal saved under pki/rejected, is moved to pki/trusted/certs
            await().atMost(Duration.ofSeconds(20)).until(() -> trustRejected(dataDir.resolve("pki")) && "CONNECTED".equals(
                    platform.getJson("/api/v1/connectors", engineer).at("/connectors/0/state").asText()));

            // three parts: the lathe runs, is loaded, and counts
            advanceParts(lathe, 3);
            // a loaded machine takes a while: the data gaps of OPC-UA's overflowing telemetry queues (the lathe
            // runs far faster than real time) are recorded ahead of the cycles
            await().atMost(Duration.ofSeconds(60)).until(() -> cycles(platform, engineer) == 3);
            JsonNode machine = platform.getJson("/api/v1/machines/sim-lathe", engineer);
            assertThat(machine.get("protocol").asText()).isEqualTo(protocol);
            assertThat(machine.get("connectionLostSince").isNull()).isTrue();
            // each part under the serial the lathe named it by, with the machine, program and tool that made it
            for (int part = 1; part <= 3; part++) {
                String serial = SimulatedLathe.partSerial(5, part);
                await().atMost(Duration.ofSeconds(20)).until(() ->
                        platform.get("/api/v1/parts/" + serial, engineer).statusCode() == 200);
                JsonNode produced = platform.getJson("/api/v1/parts/" + serial, engineer);
                assertThat(produced.get("machineId").asText()).isEqualTo("sim-lathe");
                assertThat(produced.get("program").asText()).isEqualTo(SimulatedLathe.PROGRAM);
                assertThat(produced.get("partNumber").asText()).isEqualTo("PN-1234");
                assertThat(produced.get("toolId").asText()).isEqualTo("T1");
            }

            // the machine goes away; two parts are made while nobody listens; it comes back
            long lostBefore = eventTypes(platform).stream().filter("MachineConnectionLost"::equals).count();
            server.close();
            await().atMost(Duration.ofSeconds(20)).until(() -> !platform.getJson("/api/v1/machines/sim-lathe", engineer)
                    .get("connectionLostSince").isNull());
            advanceParts(lathe, 2);
            server = simulated.server().get();
            server.start(lathe, port);
            await().atMost(Duration.ofSeconds(30)).until(() -> trustRejected(dataDir.resolve("pki"))
                    && platform.getJson("/api/v1/machines/sim-lathe", engineer).get("connectionLostSince").isNull());
            await().atMost(Duration.ofSeconds(20)).until(() -> cycles(platform, engineer) == 5);
            // of the two parts made while away the controller still holds the last one's serial only
            await().atMost(Duration.ofSeconds(20)).until(() ->
                    platform.get("/api/v1/parts/" + SimulatedLathe.partSerial(5, 5), engineer).statusCode() == 200);
            assertThat(platform.get("/api/v1/parts/" + SimulatedLathe.partSerial(5, 4), engineer).statusCode())
                    .isEqualTo(404);

            List<String> types = eventTypes(platform);
            assertThat(types).contains("MachineRegistered", "MachineStateChanged", "CycleCompleted",
                    "MachineConnectionLost", "MachineConnectionRestored");
            // the outage is one loss, and every loss was restored
            long lost = types.stream().filter("MachineConnectionLost"::equals).count();
            assertThat(lost).isEqualTo(lostBefore + 1);
            assertThat(types.stream().filter("MachineConnectionRestored"::equals).count()).isEqualTo(lost);
        } finally {
            server.close();
        }
    }

    @Test
    void whatIsHeardWhileTheEventStoreRefusesWritesIsHeldAndRecordedOnceItAcceptsThemAgain() throws Exception {
        int port = freePort();
        SimulatedLathe lathe = new SimulatedLathe(9, Instant.now());
        ModbusSimulatorServer server = new ModbusSimulatorServer();
        server.start(lathe, port);
        MachineConnection connection = ModbusSimulatorServer.connection(LATHE, "127.0.0.1", port);
        try (RunningPlatform platform = RunningPlatform.start(dataDir, arguments(connection).toArray(String[]::new))) {
            String engineer = platform.token("erin", Role.QUALITY_ENGINEER);
            await().atMost(Duration.ofSeconds(20)).until(() -> "CONNECTED".equals(
                    platform.getJson("/api/v1/connectors", engineer).at("/connectors/0/state").asText()));
            advanceParts(lathe, 1);
            await().atMost(Duration.ofSeconds(20)).until(() -> cycles(platform, engineer) == 1);

            // every write to the event store fails, as it would with the database gone
            platform.jdbc().execute("""
                    CREATE FUNCTION eventstore.outage() RETURNS trigger LANGUAGE plpgsql AS
                    $$ BEGIN RAISE EXCEPTION 'simulated outage'; END $$;
                    CREATE TRIGGER outage BEFORE INSERT ON eventstore.events FOR EACH ROW EXECUTE FUNCTION eventstore.outage();
                    """);
            advanceParts(lathe, 3);
            await().atMost(Duration.ofSeconds(20)).until(() ->
                    platform.getJson("/api/v1/connectors", engineer).get("commandsRetried").asLong() > 0);
            JsonNode held = platform.getJson("/api/v1/connectors", engineer);
            assertThat(held.get("commandsRefused").asLong()).isZero();
            assertThat(cycles(platform, engineer)).isEqualTo(1);

            platform.jdbc().execute("DROP TRIGGER outage ON eventstore.events; DROP FUNCTION eventstore.outage();");
            await().atMost(Duration.ofSeconds(30)).until(() -> cycles(platform, engineer) == 4);
            assertThat(platform.getJson("/api/v1/connectors", engineer).get("commandsOverflowed").asLong()).isZero();
        } finally {
            server.close();
        }
    }

    private static List<String> eventTypes(RunningPlatform platform) {
        JsonNode audit = platform.getJson("/api/v1/audit/events?aggregateId=sim-lathe&limit=1000",
                platform.token("ada", Role.AUDITOR));
        List<String> types = new ArrayList<>();
        audit.forEach(event -> types.add(event.get("type").asText()));
        return types;
    }

    private static long cycles(RunningPlatform platform, String token) {
        return platform.getJson("/api/v1/machines/sim-lathe", token).get("cycleCount").asLong();
    }

    /** Runs the lathe, in simulated time, until it has made {@code parts} more parts. */
    private static void advanceParts(SimulatedLathe lathe, int parts) throws InterruptedException {
        long target = lathe.state().partCount() + parts;
        while (lathe.state().partCount() < target) {
            lathe.advance(Duration.ofSeconds(2));
            // slow enough for the 100 ms poll to see the lathe cut and load
            Thread.sleep(20);
        }
    }
}
