package io.cncvision.cnc.mtconnect;

import static org.assertj.core.api.Assertions.assertThat;

import io.cncvision.cnc.mtconnect.StreamsDocument.Entry;
import io.cncvision.cnc.simulator.SimulatedLathe;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MtConnectAgentServerTest {

    private final SimulatedLathe lathe = new SimulatedLathe(7, Instant.parse("2026-01-05T06:00:00Z"));
    private final MtConnectAgentServer agent = new MtConnectAgentServer(4096);
    private final HttpClient http = HttpClient.newHttpClient();
    private final MtConnectParser parser = new MtConnectParser();

    @BeforeEach
    void start() throws Exception {
        agent.start(lathe, 0);
    }

    @AfterEach
    void stop() {
        agent.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(agent.endpoint() + path)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    // The MTConnect 1.3 schemas, XSD 1.0 edition: what the agent claims to emit.
    private static void validate(String document, String part) throws Exception {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        try (InputStream xsd = MtConnectAgentServerTest.class.getResourceAsStream("/mtconnect/schemas/MTConnect" + part + "_1.3_1.0.xsd")) {
            Schema schema = factory.newSchema(new StreamSource(xsd));
            Validator validator = schema.newValidator();
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.validate(new StreamSource(new StringReader(document)));
        }
    }

    @Test
    void probeValidatesAndDescribesTheLathe() throws Exception {
        HttpResponse<String> probe = get("/probe");
        assertThat(probe.statusCode()).isEqualTo(200);
        validate(probe.body(), "Devices");
        DeviceModel model = parser.parseDevices(stream(probe.body()));
        assertThat(model.dataItems()).containsKeys("execution", "partcount", "program", "Sspeed", "Sload", "Fovr", "tool",
                "Xpos", "Zpos", "system", "avail");
        assertThat(get("/lathe/probe").body()).isEqualTo(probe.body().replaceAll("creationTime=\"[^\"]+\"",
                "creationTime=\"" + probe.body().replaceAll("(?s).*creationTime=\"([^\"]+)\".*", "$1") + "\""));
    }

    @Test
    void currentValidatesWithAlarmsActive() throws Exception {
        // Run until an alarm is active, so that the condition shows a Warning or Fault.
        for (int i = 0; i < 2000 && lathe.state().alarms().isEmpty(); i++) {
            lathe.advance(Duration.ofSeconds(24));
        }
        assertThat(lathe.state().alarms()).isNotEmpty();
        HttpResponse<String> current = get("/current");
        validate(current.body(), "Streams");
        StreamsDocument streams = parser.parseStreams(stream(current.body()));
        assertThat(streams.header().instanceId()).isEqualTo(Long.toString(agent.instanceId()));
        assertThat(streams.entries()).anySatisfy(entry -> {
            assertThat(entry.dataItemId()).isEqualTo("system");
            assertThat(entry.nativeCode()).isIn(lathe.state().alarms().keySet());
        });
        assertThat(streams.entries()).filteredOn(entry -> entry.dataItemId().equals("partcount"))
                .extracting(Entry::value).containsExactly(Long.toString(lathe.state().partCount()));
    }

    @Test
    void sampleValidatesAndPagesBySequence() throws Exception {
        lathe.advance(Duration.ofSeconds(8));
        HttpResponse<String> first = get("/sample?from=1&count=20");
        validate(first.body(), "Streams");
        StreamsDocument page = parser.parseStreams(stream(first.body()));
        assertThat(page.entries()).hasSize(20);
        assertThat(page.header().nextSequence()).isEqualTo(21);
        HttpResponse<String> second = get("/sample?from=21&count=20");
        assertThat(parser.parseStreams(stream(second.body())).entries()).extracting(Entry::sequence)
                .containsExactlyInAnyOrderElementsOf(java.util.stream.LongStream.range(21, 41).boxed().toList());
    }

    @Test
    void outOfRangeIsAnErrorDocumentThatValidates() throws Exception {
        lathe.advance(Duration.ofMinutes(20)); // more changes than the 4096 buffered
        HttpResponse<String> refused = get("/sample?from=1&count=10");
        assertThat(refused.statusCode()).isEqualTo(400);
        validate(refused.body(), "Error");
        assertThat(parser.parse(refused.body().getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(ErrorDocument.class, error -> assertThat(error.has("OUT_OF_RANGE")).isTrue());
        validate(get("/sample?count=0").body(), "Error");
        validate(get("/nothing").body(), "Error");
    }

    @Test
    void streamsMultipartChunksThatEachValidate() throws Exception {
        long from = agent.nextSequence();
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(URI.create(agent.endpoint()
                        + "/sample?from=" + from + "&interval=10&count=50&heartbeat=200")).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        String boundary = MultipartReader.boundary(response.headers().firstValue("Content-Type").orElseThrow());
        assertThat(boundary).isNotNull();
        Thread advance = new Thread(() -> lathe.advance(Duration.ofSeconds(30)));
        advance.start();
        try (InputStream body = response.body()) {
            MultipartReader parts = new MultipartReader(body, boundary, 1 << 20);
            long next = from;
            int chunks = 0;
            while (chunks < 3) {
                String part = new String(parts.next(), StandardCharsets.UTF_8);
                validate(part, "Streams");
                StreamsDocument streams = parser.parseStreams(stream(part));
                // grouped by component, so in sequence order only once sorted
                for (long sequence : streams.entries().stream().mapToLong(Entry::sequence).sorted().toArray()) {
                    assertThat(sequence).isEqualTo(next++);
                }
                assertThat(streams.header().nextSequence()).isEqualTo(next);
                chunks++;
            }
        }
        advance.join();
    }

    private static InputStream stream(String document) {
        return new java.io.ByteArrayInputStream(document.getBytes(StandardCharsets.UTF_8));
    }

}
