package io.cncvision.app.it;

import static io.cncvision.app.it.RunningPlatform.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.cncvision.app.security.Role;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The event table is append-only in the database itself, whoever connects: plain JDBC on the application's
 * own connection (the PostgreSQL superuser of the embedded instance) may add an event, but every UPDATE,
 * DELETE and TRUNCATE is refused by the trigger with a message that says why. The view
 * {@code eventstore.event_log} shows the stored events as JSON.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EventStoreAppendOnlyTest {

    // PostgreSQL's restrict_violation, which the trigger raises.
    private static final String RESTRICT_VIOLATION = "23001";

    // Static: JUnit creates it before @BeforeAll and deletes it after @AfterAll has stopped the instance.
    @TempDir
    static Path dataDir;

    private RunningPlatform platform;
    private DataSource database;

    @BeforeAll
    void start() {
        platform = RunningPlatform.start(dataDir);
        database = platform.context().getBean(DataSource.class);
        // Events written by Axon, as in production.
        var response = platform.post("/api/v1/machines", platform.token("admin-ada", Role.ADMIN),
                "{\"machineId\": \"mill-01\", \"name\": \"Mill 1\", \"protocol\": \"manual\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    @AfterAll
    void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void acceptsAnInsertedEvent() throws SQLException {
        long before = platform.eventCount();
        String aggregate = "append-only-" + UUID.randomUUID();

        try (Connection connection = database.getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO eventstore.events (event_identifier, aggregate_type, aggregate_identifier, sequence_number,
                                                    event_type, payload_revision, time_stamp, payload, meta_data)
                     VALUES (?, 'AppendOnlyProbe', ?, 0, 'io.cncvision.it.AppendOnlyProbe', '1', ?,
                             convert_to('{"probe": "insert"}', 'UTF8'), convert_to('{"principal": "it"}', 'UTF8'))
                     """)) {
            insert.setString(1, UUID.randomUUID().toString());
            insert.setString(2, aggregate);
            insert.setString(3, Instant.now().toString());
            assertThat(insert.executeUpdate()).isEqualTo(1);
        }

        assertThat(platform.eventCount()).isEqualTo(before + 1);
        try (Connection connection = database.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT type, payload, metadata FROM eventstore.event_log WHERE aggregate_id = ?")) {
            select.setString(1, aggregate);
            try (ResultSet row = select.executeQuery()) {
                assertThat(row.next()).isTrue();
                assertThat(row.getString("type")).isEqualTo("AppendOnlyProbe");
                assertThat(json(row.getString("payload")).path("probe").asText()).isEqualTo("insert");
                assertThat(json(row.getString("metadata")).path("principal").asText()).isEqualTo("it");
            }
        }
    }

    @Test
    void refusesUpdate() {
        assertRefusedAndUnchanged("UPDATE eventstore.events SET payload = convert_to('{}', 'UTF8') "
                + "WHERE aggregate_identifier = 'mill-01'", "UPDATE");
        // Not even a change that changes nothing gets through.
        assertRefusedAndUnchanged("UPDATE eventstore.events SET time_stamp = time_stamp", "UPDATE");
    }

    @Test
    void refusesDelete() {
        assertRefusedAndUnchanged("DELETE FROM eventstore.events WHERE aggregate_identifier = 'mill-01'", "DELETE");
        assertRefusedAndUnchanged("DELETE FROM eventstore.events", "DELETE");
    }

    @Test
    void refusesTruncate() {
        assertRefusedAndUnchanged("TRUNCATE eventstore.events", "TRUNCATE");
        assertRefusedAndUnchanged("TRUNCATE eventstore.events CASCADE", "TRUNCATE");
    }

    @Test
    void eventLogViewShowsPayloadAndMetadataAsJson() throws SQLException {
        try (Connection connection = database.getConnection();
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("""
                     SELECT global_index, aggregate_type, sequence, type, revision, recorded_at,
                            jsonb_typeof(payload) AS payload_kind, payload, metadata, event_id
                     FROM eventstore.event_log WHERE aggregate_id = 'mill-01' ORDER BY global_index
                     """)) {
            assertThat(row.next()).isTrue();
            assertThat(row.getLong("global_index")).isPositive();
            assertThat(row.getString("aggregate_type")).isEqualTo("Machine");
            assertThat(row.getLong("sequence")).isZero();
            assertThat(row.getString("type")).isEqualTo("MachineRegistered");
            assertThat(row.getString("revision")).isNotBlank();
            assertThat(row.getTimestamp("recorded_at")).isNotNull();
            assertThat(row.getString("event_id")).isNotBlank();
            assertThat(row.getString("payload_kind")).isEqualTo("object");
            JsonNode payload = json(row.getString("payload"));
            assertThat(payload.path("machineId").asText()).isEqualTo("mill-01");
            assertThat(payload.path("name").asText()).isEqualTo("Mill 1");
            assertThat(payload.path("protocol").asText()).isEqualTo("manual");
            JsonNode metadata = json(row.getString("metadata"));
            assertThat(metadata.path("principal").asText()).isEqualTo(platform.userId("admin-ada"));
            assertThat(metadata.path("correlationId").asText()).isNotBlank();
            assertThat(metadata.path("causationId").asText()).isNotBlank();
            assertThat(metadata.path("source").asText()).startsWith("api:");
            assertThat(row.next()).isFalse();
        }
    }

    /** The statement fails with the trigger's message, and the table holds exactly what it held before. */
    private void assertRefusedAndUnchanged(String sql, String operation) {
        String before = snapshot();

        assertThatThrownBy(() -> {
            try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute(sql);
            }
        }).isInstanceOfSatisfying(SQLException.class, e -> {
            assertThat(e.getMessage()).contains("append-only").contains(operation);
            assertThat(e.getSQLState()).isEqualTo(RESTRICT_VIOLATION);
        });

        assertThat(snapshot()).isEqualTo(before);
    }

    /** Every stored event, byte for byte, as one string. */
    private String snapshot() {
        return platform.jdbc().queryForObject("""
                SELECT count(*) || ':' || coalesce(md5(string_agg(global_index || '/' || event_identifier || '/'
                       || aggregate_identifier || '/' || sequence_number || '/' || time_stamp || '/'
                       || encode(payload, 'hex') || '/' || coalesce(encode(meta_data, 'hex'), ''),
                       ',' ORDER BY global_index)), '')
                FROM eventstore.events
                """, String.class);
    }
}
