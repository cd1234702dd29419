package io.cncvision.query;

import io.cncvision.projection.ReadModelDatabase;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The projections' shared read-model database, one for the whole test run, plus a minimal
 * {@code eventstore.events} table shaped like the event store's (which, unlike this one, refuses TRUNCATE).
 */
public final class QueryDatabase {

    private static QueryDatabase shared;

    private final ReadModelDatabase readModels;

    private QueryDatabase(ReadModelDatabase readModels) {
        this.readModels = readModels;
    }

    /** The run's database with every read model and the event table empty, so a test starts from nothing. */
    public static QueryDatabase cleared() {
        QueryDatabase database = shared();
        database.readModels.clear();
        database.jdbc().getJdbcTemplate().execute("TRUNCATE eventstore.events RESTART IDENTITY");
        return database;
    }

    /** The run's database, started on first use; tests that share it call {@link #cleared()}. */
    public static synchronized QueryDatabase shared() {
        if (shared == null) {
            ReadModelDatabase readModels = ReadModelDatabase.shared();
            readModels.jdbc().getJdbcTemplate().execute("""
                    CREATE SCHEMA eventstore;
                    CREATE TABLE eventstore.events (
                        global_index         BIGSERIAL    PRIMARY KEY,
                        event_identifier     VARCHAR(255) NOT NULL UNIQUE,
                        aggregate_type       VARCHAR(255),
                        aggregate_identifier VARCHAR(255) NOT NULL,
                        sequence_number      BIGINT       NOT NULL,
                        event_type           VARCHAR(255) NOT NULL,
                        payload_revision     VARCHAR(255),
                        time_stamp           VARCHAR(255) NOT NULL,
                        payload              BYTEA        NOT NULL,
                        meta_data            BYTEA
                    )""");
            shared = new QueryDatabase(readModels);
        }
        return shared;
    }

    public NamedParameterJdbcTemplate jdbc() {
        return readModels.jdbc();
    }

    /** Stores an event as the event store would; returns its global index. */
    public long storeEvent(String eventId, String aggregateType, String aggregateId, long sequence, String eventType,
                           Instant timestamp, String payloadJson, String metadataJson) {
        return jdbc().getJdbcTemplate().queryForObject("""
                INSERT INTO eventstore.events (event_identifier, aggregate_type, aggregate_identifier, sequence_number,
                    event_type, payload_revision, time_stamp, payload, meta_data)
                VALUES (?, ?, ?, ?, ?, '1', ?, ?, ?) RETURNING global_index""", Long.class,
                eventId, aggregateType, aggregateId, sequence, eventType, timestamp.toString(),
                payloadJson.getBytes(StandardCharsets.UTF_8), metadataJson.getBytes(StandardCharsets.UTF_8));
    }
}
