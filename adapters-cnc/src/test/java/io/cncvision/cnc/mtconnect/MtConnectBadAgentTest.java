package io.cncvision.cnc.mtconnect;

import static io.cncvision.cnc.RecordingSink.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.cncvision.api.value.MachineId;
import io.cncvision.api.value.Protocol;
import io.cncvision.cnc.ConnectionState;
import io.cncvision.cnc.MachineConnection.SignalMapping;
import io.cncvision.cnc.MachineConnection;
import io.cncvision.cnc.MachineSignal;
import io.cncvision.cnc.RecordingSink;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Agents that misbehave: each gives a clear logged error, the connector keeps running, and nothing wrong is reported. */
class MtConnectBadAgentTest {

    private static final MachineId MACHINE = new MachineId("bad-1");
    private static final Duration WAIT = Duration.ofSeconds(10);

    private static final String PROBE = """
            <MTConnectDevices xmlns="urn:mtconnect.org:MTConnectDevices:1.3">
              <Header instanceId="5" version="1.3.0" bufferSize="100"/>
              <Devices><Device id="d" name="m" uuid="m"><DataItems>
                <DataItem id="exec" type="EXECUTION" category="EVENT"/>
                <DataItem id="pc" type="PART_COUNT" category="EVENT"/>
              </DataItems></Device></Devices>
            </MTConnectDevices>
            """;

    private static String streams(long first, long next, String events) {
        return "<MTConnectStreams xmlns=\"urn:mtconnect.org:MTConnectStreams:1.3\"><Header instanceId=\"5\" version=\"1.3.0\""
                + " bufferSize=\"100\" firstSequence=\"" + first + "\" lastSequence=\"" + (next - 1) + "\" nextSequence=\"" + next
                + "\"/><Streams><DeviceStream name=\"m\" uuid=\"m\"><ComponentStream component=\"Path\" componentId=\"p\"><Events>"
                + events + "</Events></ComponentStream></DeviceStream></Streams></MTConnectStreams>";
    }

    private static final String CURRENT = streams(1, 11,
            "<Execution dataItemId=\"exec\" sequence=\"9\" timestamp=\"2026-01-05T06:00:00Z\">READY</Execution>"
                    + "<PartCount dataItemId=\"pc\" sequence=\"10\" timestamp=\"2026-01-05T06:00:00Z\">4</PartCount>");

    private final List<AutoCloseable> closing = new CopyOnWriteArrayList<>();
    private final RecordingSink sink = new RecordingSink();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable closeable : closing) {
            closeable.close();
        }
    }

    private MtConnectAgentConnector connector(String endpoint, Map<String, String> extra) {
        Map<String, String> options = new HashMap<>(Map.of("interval", "10", "heartbeat", "100", "readTimeoutMillis", "300"));
        options.putAll(extra);
        MtConnectAgentConnector connector = new MtConnectAgentConnector(new MachineConnection(MACHINE, null, Protocol.MTCONNECT,
                endpoint, options, List.of(new SignalMapping(MachineSignal.EXECUTION, null, "exec", false, null),
                new SignalMapping(MachineSignal.PART_COUNT, null, "pc", false, null),
                new SignalMapping(MachineSignal.PROGRAM, null, "not-in-the-model", false, null)),
                Duration.ofMillis(20), Duration.ofMillis(100)));
        closing.add(0, connector);
        connector.start(sink);
        return connector;
    }

    // An agent whose /probe and /current answer as given, and whose /sample is `sample`.
    private String agent(String current, Handler sample) throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        http.createContext("/", exchange -> {
            try (exchange) {
                String path = exchange.getRequestURI().getPath();
                if (path.equals("/sample")) {
                    sample.handle(exchange);
                } else {
                    byte[] body = (path.equals("/probe") ? PROBE : current).getBytes(StandardCharsets.UTF_8);
                    exchange.sendResponseHeaders(200, body.length);
                    exchange.getResponseBody().write(body);
                }
            } catch (IOException e) {
                // the connector went away
            }
        });
        http.start();
        closing.add(() -> http.stop(0));
        return "http://localhost:" + http.getAddress().getPort();
    }

    @FunctionalInterface
    private interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }

    private static void multipart(HttpExchange exchange, String part, int declaredLength) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "multipart/x-mixed-replace;boundary=XYZ");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        out.write(("--XYZ\r\nContent-type: text/xml\r\nContent-length: " + declaredLength + "\r\n\r\n" + part)
                .getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Test
    void aServerThatAcceptsAndHangsTimesOutAndIsReportedLostOnce() throws Exception {
        ServerSocket silent = new ServerSocket(0);
        closing.add(silent);
        List<Socket> accepted = new CopyOnWriteArrayList<>();
        Thread acceptor = new Thread(() -> {
            try {
                while (true) {
                    accepted.add(silent.accept()); // and never answer
                }
            } catch (IOException e) {
                // closed
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
        MtConnectAgentConnector connector = connector("http://localhost:" + silent.getLocalPort(), Map.of());
        await("retries after timeouts", WAIT, () -> connector.attempts() >= 3);
        assertThat(sink.lost).hasSize(1).first().asString().contains("timed out");
        assertThat(sink.observations).isEmpty();
        assertThat(connector.state()).isEqualTo(ConnectionState.RECONNECTING);
        for (Socket socket : accepted) {
            socket.close();
        }
    }

    @Test
    void aChunkCutMidwayRecordsNothingOfItAndTheConnectorReconnects() throws Exception {
        String chunk = streams(1, 12, "<PartCount dataItemId=\"pc\" sequence=\"11\" timestamp=\"2026-01-05T06:00:10Z\">5</PartCount>");
        String endpoint = agent(CURRENT, exchange -> multipart(exchange, chunk.substring(0, chunk.length() / 2), chunk.length()));
        MtConnectAgentConnector connector = connector(endpoint, Map.of());
        await("reconnections after the cut", WAIT, () -> connector.attempts() >= 3);
        assertThat(sink.values(MachineSignal.PART_COUNT)).containsOnly(4L);
        // each reconnection is restored, then lost again at the cut
        assertThat(sink.lost).isNotEmpty().allSatisfy(reason -> assertThat(reason).contains("chunk cut off after"));
        assertThat(sink.lost.size() - sink.restored.size()).isBetween(0, 1);
    }

    @Test
    void aMalformedChunkIsRefusedWholeAndTheConnectorStartsOver() throws Exception {
        String chunk = streams(1, 12, "<PartCount dataItemId=\"pc\" sequence=\"11\" timestamp=\"2026-01-05T06:00:10Z\">5</PartCount>")
                .replace("</Events>", "</Event>");
        String endpoint = agent(CURRENT, exchange -> multipart(exchange, chunk, chunk.length()));
        MtConnectAgentConnector connector = connector(endpoint, Map.of());
        await("documents refused", WAIT, () -> connector.refusedDocuments() >= 2);
        assertThat(sink.values(MachineSignal.PART_COUNT)).containsOnly(4L);
        assertThat(sink.lost).isEmpty();
    }

    @Test
    void aDocumentOverTheSizeLimitIsRefused() throws Exception {
        StringBuilder events = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            events.append("<PartCount dataItemId=\"pc\" sequence=\"").append(i + 1).append("\" timestamp=\"2026-01-05T06:00:00Z\">")
                    .append(i).append("</PartCount>");
        }
        String endpoint = agent(streams(1, 201, events.toString()), exchange -> exchange.sendResponseHeaders(500, -1));
        MtConnectAgentConnector connector = connector(endpoint, Map.of("maxDocumentBytes", "4096"));
        await("documents refused", WAIT, () -> connector.refusedDocuments() >= 2);
        assertThat(sink.observations).isEmpty();
        assertThat(sink.lost).isEmpty();
    }

    @Test
    void aStreamsHeaderThatSkippedPastTheNextSequenceIsAGap() throws Exception {
        String overrun = streams(50, 60, "<PartCount dataItemId=\"pc\" sequence=\"55\" timestamp=\"2026-01-05T06:00:10Z\">9</PartCount>");
        String endpoint = agent(CURRENT, exchange -> multipart(exchange, overrun, overrun.getBytes(StandardCharsets.UTF_8).length));
        MtConnectAgentConnector connector = connector(endpoint, Map.of());
        await("the gap", WAIT, () -> connector.gaps() >= 1);
        assertThat(sink.values(MachineSignal.PART_COUNT)).containsOnly(4L);
    }
}
