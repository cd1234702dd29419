package io.cncvision.cnc.opcua;

import static io.cncvision.cnc.opcua.OpcUaTesting.freePort;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import io.cncvision.api.value.MachineId;
import io.cncvision.api.value.Protocol;
import io.cncvision.cnc.AlarmLevel;
import io.cncvision.cnc.ConnectionState;
import io.cncvision.cnc.MachineConnection.SignalMapping;
import io.cncvision.cnc.MachineConnection;
import io.cncvision.cnc.MachineSignal;
import io.cncvision.cnc.Observation;
import io.cncvision.cnc.OffsetWrite;
import io.cncvision.cnc.OffsetWritten;
import io.cncvision.cnc.RecordingSink;
import io.cncvision.cnc.simulator.SimulatedLathe;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Interop with node-opcua, an OPC-UA stack nobody here wrote: as a server our connector subscribes to
 * and writes an offset to over SignAndEncrypt, and as a client that reads and writes our simulator.
 * Skipped, never failed, where {@code node} or the installed package is missing: install it with
 * {@code npm install --no-audit --no-fund --prefix adapters-cnc/target/node node-opcua@2.x}, or point
 * {@code NODE_OPCUA_DIR} at the prefix it was installed under (CI's {@code .ci/run} does).
 */
class NodeOpcUaInteropTest {

    static final MachineId PEER = new MachineId("node-opcua-peer");

    @TempDir
    Path dir;

    Path modules;
    Process peer;
    OpcUaConnector connector;
    OpcUaSimulatorServer simulator;

    @BeforeEach
    void findPeer() {
        String prefix = System.getenv().getOrDefault("NODE_OPCUA_DIR", "target/node");
        modules = Path.of(prefix).toAbsolutePath().resolve("node_modules");
        assumeTrue(nodeRuns(), "peer node-opcua skipped: `node` is not on the PATH");
        assumeTrue(Files.exists(modules.resolve("node-opcua/package.json")), "peer node-opcua skipped: not installed "
                + "under " + modules + " (npm install --no-audit --no-fund --prefix " + prefix + " node-opcua@2.x, or set "
                + "NODE_OPCUA_DIR)");
    }

    @AfterEach
    void stop() throws Exception {
        if (connector != null) {
            connector.close();
        }
        if (simulator != null) {
            simulator.close();
        }
        if (peer != null) {
            peer.getOutputStream().close();
            if (!peer.waitFor(5, TimeUnit.SECONDS)) {
                peer.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void subscribesToANodeOpcUaServerAndWritesAnOffsetWithSignAndEncrypt() throws Exception {
        int port = freePort();
        peer = node("peer-server.js", String.valueOf(port), dir.resolve("peer").toString());
        BlockingQueue<String> lines = lines(peer);
        String ready = await(lines, "READY ", Duration.ofSeconds(60));
        DocumentContext started = JsonPath.parse(ready.substring("READY ".length()));
        int ns = started.read("$.namespaceIndex", Integer.class);
        // Trusting the peer is the operator's step: its certificate goes into our trust list.
        Path trusted = Files.createDirectories(dir.resolve("pki/trusted/certs"));
        Files.copy(Path.of(started.read("$.certificate", String.class)), trusted.resolve("node-opcua-peer.pem"));

        RecordingSink sink = new RecordingSink();
        connector = new OpcUaConnector(new MachineConnection(PEER, null, Protocol.OPCUA,
                "opc.tcp://localhost:" + port + "/peer",
                Map.of("security", "sign-and-encrypt", "pki-dir", dir.resolve("pki").toString(),
                        "publishing-interval-ms", "50", "sampling-interval-ms", "0"),
                List.of(new SignalMapping(MachineSignal.EXECUTION, null, "ns=" + ns + ";s=Peer/Execution", false, null),
                        new SignalMapping(MachineSignal.PART_COUNT, null, "ns=" + ns + ";s=Peer/PartCount", false, null),
                        new SignalMapping(MachineSignal.ALARM, "DOOR_OPEN", "ns=" + ns + ";s=Peer/Alarms/DOOR_OPEN", false,
                                Map.of("level", "WARNING", "text", "Door open")),
                        new SignalMapping(MachineSignal.TOOL_OFFSET, "T1.wear.x", "ns=" + ns + ";s=Peer/Offsets/T1.wear.x",
                                true, null)),
                Duration.ofMillis(200), Duration.ofSeconds(2)));
        connector.start(sink);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> sink.heard(MachineSignal.EXECUTION, "READY"));
        assertThat(connector.state()).isEqualTo(ConnectionState.CONNECTED);

        Writer commands = new java.io.OutputStreamWriter(peer.getOutputStream(), StandardCharsets.UTF_8);
        commands.write("Execution ACTIVE\nPartCount 1\nDOOR_OPEN true\n");
        commands.flush();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() ->
                sink.heard(MachineSignal.EXECUTION, "ACTIVE") && sink.heard(MachineSignal.PART_COUNT, 1L)
                        && sink.heard(MachineSignal.ALARM, new Observation.AlarmReport(AlarmLevel.WARNING, "Door open")));
        Observation active = sink.of(MachineSignal.EXECUTION).get(sink.of(MachineSignal.EXECUTION).size() - 1);
        assertThat(active.sourceId()).startsWith("ns=" + ns + ";s=Peer/Execution@");

        OffsetWritten written = connector.writeOffset(new OffsetWrite("T1.wear.x", 0.03)).get(10, TimeUnit.SECONDS);
        assertThat(written.confirmed()).isEqualTo(0.03);
        commands.write("OFFSET?\n");
        commands.flush();
        assertThat(await(lines, "OFFSET ", Duration.ofSeconds(10))).isEqualTo("OFFSET 0.03");
    }

    @Test
    void aNodeOpcUaClientReadsAndWritesOurSimulatorWithSignAndEncrypt() throws Exception {
        SimulatedLathe lathe = new SimulatedLathe(11, Instant.parse("2026-01-05T06:00:00Z"));
        simulator = new OpcUaSimulatorServer(dir.resolve("simulator"));
        simulator.start(lathe, freePort());

        peer = node("peer-client.js", simulator.endpoint(), dir.resolve("peer-client").toString());
        BlockingQueue<String> lines = lines(peer);
        String json = await(lines, "{", Duration.ofSeconds(60));
        assertThat(peer.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(peer.exitValue()).as("peer client exit status").isZero();

        DocumentContext read = JsonPath.parse(json);
        assertThat(read.read("$.securityMode", String.class)).isEqualTo("SignAndEncrypt");
        assertThat(read.read("$.values.Execution.value", String.class)).isEqualTo("READY");
        assertThat(read.read("$.values.Program.value", String.class)).isEqualTo(SimulatedLathe.PROGRAM);
        assertThat(read.read("$.values.PartCount.value", Long.class)).isZero();
        assertThat(read.read("$.values['Alarms/COOLANT_LOW'].value", String.class)).isEqualTo("NORMAL");
        assertThat(read.read("$.values.Execution.sourceTimestamp", String.class)).isEqualTo("2026-01-05T06:00:00.000Z");
        assertThat(read.read("$.write", String.class)).isEqualTo("Good");
        assertThat(read.read("$.call", String.class)).isEqualTo("Good");
        assertThat(read.read("$.wearAfter", Double.class)).isEqualTo(-0.02);
        assertThat(lathe.offset(SimulatedLathe.WEAR_OFFSET)).isEqualTo(-0.02);
        assertThat(lathe.offset(SimulatedLathe.GEOMETRY_OFFSET)).isEqualTo(-12.3);
    }

    private Process node(String script, String... arguments) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of("node", Path.of("src/test/node", script).toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(dir.resolve(script + ".stderr").toFile());
        builder.environment().put("NODE_PATH", modules.toString());
        return builder.start();
    }

    private static BlockingQueue<String> lines(Process process) {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                // the process ended
            }
        }, "node-opcua-peer-output");
        reader.setDaemon(true);
        reader.start();
        return lines;
    }

    private String await(BlockingQueue<String> lines, String prefix, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line != null && line.startsWith(prefix)) {
                return line;
            }
            if (line == null && !peer.isAlive() && lines.isEmpty()) {
                break;
            }
        }
        throw new AssertionError("node-opcua peer printed no line starting '" + prefix + "' within " + within
                + "; its stderr is in " + dir);
    }

    private static boolean nodeRuns() {
        try {
            Process version = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            version.getInputStream().readAllBytes();
            return version.waitFor(10, TimeUnit.SECONDS) && version.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
