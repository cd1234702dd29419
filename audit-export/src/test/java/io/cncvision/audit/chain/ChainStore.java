package io.cncvision.audit.chain;

import io.cncvision.audit.key.AuditKeys;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/** An event store made by the platform's own migrations on an embedded PostgreSQL, written to as the platform does. */
final class ChainStore {

    private static final Path MIGRATIONS = Path.of("../app/src/main/resources/db/migration/eventstore");

    final EmbeddedPostgres postgres;
    final AuditKeys keys;
    final ChainExtender extender;

    ChainStore(EmbeddedPostgres postgres, Path dataDir, Duration gapTimeout, int checkpointInterval) {
        this.postgres = postgres;
        this.keys = AuditKeys.loadOrCreate(dataDir);
        this.extender = new ChainExtender(keys, Clock.systemUTC(), gapTimeout, 10_000, checkpointInterval);
    }

    void recreate() throws SQLException, IOException {
        try (Connection connection = connection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS eventstore CASCADE; DROP SCHEMA IF EXISTS axon CASCADE");
            for (String migration : List.of("V2026_11_25_0900__event_store.sql", "V2026_11_25_1900__audit_chain.sql")) {
                statement.execute(Files.readString(MIGRATIONS.resolve(migration), StandardCharsets.UTF_8));
            }
        }
    }

    Connection connection() throws SQLException {
        return postgres.getPostgresDatabase().getConnection();
    }

    /** Appends events as the platform does: the rows and their proofs in one transaction. */
    List<String> append(int count) throws SQLException {
        try (Connection connection = connection()) {
            connection.setAutoCommit(false);
            List<String> identifiers = insert(connection, count);
            EventProofs.prove(connection, identifiers, keys.eventMac());
            connection.commit();
            return identifiers;
        }
    }

    /** Rows only, as someone with database rights but without the event key would write them. */
    static List<String> insert(Connection connection, int count) throws SQLException {
        String[] identifiers = new String[count];
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO eventstore.events (event_identifier,"
                + " aggregate_type, aggregate_identifier, sequence_number, event_type, payload_revision, time_stamp,"
                + " payload, meta_data) VALUES (?, 'Characteristic', ?, ?, 'io.cncvision.api.MeasurementRecorded', '1',"
                + " '2026-11-25T10:00:00.000Z', ?, ?)")) {
            for (int i = 0; i < count; i++) {
                identifiers[i] = UUID.randomUUID().toString();
                insert.setString(1, identifiers[i]);
                insert.setString(2, "pn1234-bore");
                insert.setLong(3, System.nanoTime());
                insert.setBytes(4, ("{\"valueMm\":25.00" + i + "}").getBytes(StandardCharsets.UTF_8));
                insert.setBytes(5, "{\"userId\":\"op-7\"}".getBytes(StandardCharsets.UTF_8));
                insert.addBatch();
            }
            insert.executeBatch();
        }
        return List.of(identifiers);
    }

    void chain() throws SQLException {
        try (Connection connection = connection()) {
            connection.setAutoCommit(false);
            while (extender.extend(connection) > 0) {
                connection.commit();
            }
            connection.commit();
        }
    }

    /** Runs SQL as a superuser who switched the append-only triggers off. */
    void tamper(String... statements) throws SQLException {
        try (Connection connection = connection(); Statement statement = connection.createStatement()) {
            statement.execute("SET session_replication_role = replica");
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    Verification verify(long from) throws SQLException {
        try (Connection connection = connection()) {
            return new ChainVerifier(keys.eventMac(), keys.publicKey()).verify(connection, from);
        }
    }
}
