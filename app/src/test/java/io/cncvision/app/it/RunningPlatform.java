package io.cncvision.app.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cncvision.app.CncvisionApplication;
import io.cncvision.app.people.People;
import io.cncvision.app.security.LocalTokens;
import io.cncvision.app.security.Role;
import io.cncvision.app.security.SigningKeyStore;
import io.cncvision.app.security.TokenIssuer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One cncvision instance, booted as {@code ./cncvision serve} boots it (embedded PostgreSQL on its data
 * directory, a random HTTP port), and reached as a client reaches it: real HTTP, real signed tokens.
 * Closing it stops the application context and with it the embedded PostgreSQL; the data directory stays,
 * so a new instance on the same directory is a restart.
 */
final class RunningPlatform implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String PROBLEM_JSON = "application/problem+json";

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final ConfigurableApplicationContext context;
    private final int port;
    private final HttpClient http;
    private final TokenIssuer tokens;

    private RunningPlatform(Path dataDir, ConfigurableApplicationContext context) {
        this.context = context;
        this.port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        // The key the server checks tokens against, read from the same data directory, as ./cncvision token does.
        this.tokens = new TokenIssuer(new SigningKeyStore(dataDir).loadOrCreate(), Clock.systemUTC());
    }

    /** Boots the application on the data directory; extra arguments are Spring Boot command-line options. */
    static RunningPlatform start(Path dataDir, String... extraArguments) {
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0",
                // A command-line argument, so that it wins over application.yml's ./data.
                "--cncvision.data-dir=" + dataDir.toAbsolutePath(),
                "--logging.level.org.axonframework.eventhandling.pooled=warn"));
        arguments.addAll(Arrays.asList(extraArguments));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(CncvisionApplication.class)
                .run(arguments.toArray(String[]::new));
        return new RunningPlatform(dataDir, context);
    }

    ConfigurableApplicationContext context() {
        return context;
    }

    JdbcTemplate jdbc() {
        return new JdbcTemplate(context.getBean(DataSource.class));
    }

    /** How many events the event store holds: what a refused command must leave unchanged. */
    long eventCount() {
        return jdbc().queryForObject("SELECT count(*) FROM eventstore.events", Long.class);
    }

    /** A bearer token for the user with the roles, signed with the instance's key. */
    String token(String subject, Role... roles) {
        return tokens.issue(subject, List.of(roles), Duration.ofHours(1));
    }

    /** A bearer token as an identity provider issues one: the subject, and the person's name in the claim {@code name}. */
    String token(String subject, String displayName, Role... roles) {
        return tokens.issue(subject, displayName, List.of(roles), Duration.ofHours(1));
    }

    /** The JDBC URL of the instance's embedded PostgreSQL, for a command run with {@code --db}. */
    String jdbcUrl() {
        return context.getBean(io.zonky.test.db.postgres.embedded.EmbeddedPostgres.class)
                .getJdbcUrl("postgres", "cncvision");
    }

    /** The pseudonymous user id that the person a token of {@link #token} names is recorded under, once seen. */
    String userId(String subject) {
        return context.getBean(People.class).userIdOf(LocalTokens.ISSUER, subject)
                .orElseThrow(() -> new AssertionError("the platform has not seen '" + subject + "' (or erased them)"));
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    HttpResponse<String> get(String path, String token) {
        return send(request(path, token, Map.of()).GET());
    }

    /** GET of a binary body, such as an evidence pack's zip. */
    HttpResponse<byte[]> getBytes(String path, String token) {
        try {
            return http.send(request(path, token, Map.of()).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> delete(String path, String token) {
        return send(request(path, token, Map.of()).DELETE());
    }

    HttpResponse<String> post(String path, String token, String body) {
        return post(path, token, body, Map.of());
    }

    HttpResponse<String> post(String path, String token, String body, Map<String, String> headers) {
        return send(request(path, token, headers)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** POST of a body of any type, such as {@code multipart/form-data; boundary=...}. */
    HttpResponse<String> post(String path, String token, String contentType, byte[] body) {
        return send(request(path, token, Map.of())
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** GET that must answer 200; the body as JSON. */
    JsonNode getJson(String path, String token) {
        HttpResponse<String> response = get(path, token);
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return json(response.body());
    }

    static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    /** The stored events of one aggregate, in order, as {@code GET /api/v1/audit/events} answers. */
    List<JsonNode> auditEvents(String aggregateId, String token) {
        List<JsonNode> events = new ArrayList<>();
        getJson("/api/v1/audit/events?aggregateId=" + aggregateId + "&limit=1000", token).forEach(events::add);
        return events;
    }

    /** Opens a server-sent event stream; each line it sends goes to {@code lines} until the stream ends. */
    java.util.concurrent.CompletableFuture<Void> stream(String path, String token,
                                                        java.util.function.Consumer<String> lines) {
        HttpRequest request = HttpRequest.newBuilder(uri(path))
                .header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + token)
                .GET().build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                .thenAccept(response -> response.body().forEach(lines));
    }

    private HttpRequest.Builder request(String path, String token, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json, application/problem+json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        return request;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Registers machine lathe-1 (reported by hand) and defines its bore {@code pn1234-bore}, 12.00 ± 0.02 mm on
     * an individuals chart, as {@code token}'s holder; the parts {@code serials} are produced on it.
     */
    void lathe1WithItsBore(String token, String... serials) {
        assertThat(post("/api/v1/machines", token,
                "{\"machineId\": \"lathe-1\", \"name\": \"Lathe 1\", \"protocol\": \"manual\"}").statusCode())
                .isIn(200, 201);
        assertThat(post("/api/v1/characteristics", token, """
                {"characteristicId": "pn1234-bore", "partNumber": "PN-1234", "name": "Bore diameter", "unit": "mm",
                 "nominal": 12.0, "lsl": 11.98, "usl": 12.02, "subgroupSize": 1, "chart": "imr"}
                """).statusCode()).isEqualTo(201);
        String lathe = token("lathe-1", Role.MACHINE);
        for (String serial : serials) {
            assertThat(post("/api/v1/parts", lathe, """
                    {"serial": "%s", "partNumber": "PN-1234", "machineId": "lathe-1", "program": "O1234",
                     "sourceMessageId": "lathe-1/cycle/%s"}
                    """.formatted(serial, serial)).statusCode()).isIn(200, 201);
        }
    }

    /**
     * Registers micrometer-3 and certifies it, due at {@code due}, as {@code token}'s holder; returns once the gauge
     * read model shows it CALIBRATED.
     */
    void micrometerCertifiedUntil(String token, Instant due) {
        assertThat(post("/api/v1/gauges", token,
                "{\"gaugeId\": \"micrometer-3\", \"kind\": \"micrometer\", \"name\": \"Micrometer 3\"}")
                .statusCode()).isEqualTo(200);
        assertThat(post("/api/v1/gauges/micrometer-3/certifications", token, """
                {"calibrationId": "mic-3-2026", "asFound": "IN_TOLERANCE", "asLeft": "IN_TOLERANCE",
                 "certificate": "CERT-4711", "dueAt": "%s"}
                """.formatted(due)).statusCode()).isEqualTo(200);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> "CALIBRATED".equals(
                getJson("/api/v1/gauges/micrometer-3", token).path("status").asText()));
    }

    @Override
    public void close() {
        context.close();
    }
}
