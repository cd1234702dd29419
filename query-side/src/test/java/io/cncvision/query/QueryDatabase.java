package io.cncvision.query;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * A real PostgreSQL for one test class: the read models from the projections' migration and a minimal
 * {@code eventstore.events} table shaped like the event store's.
 */
public final class QueryDatabase implements AutoCloseable {

    private final EmbeddedPostgres postgres;
    private final NamedParameterJdbcTemplate jdbc;

    private QueryDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
        this.jdbc = new NamedParameterJdbcTemplate(postgres.getPostgresDatabase());
    }

    public static QueryDatabase start() {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
            Flyway.configure()
                    .dataSource(postgres.getPostgresDatabase())
                    .locations("classpath:db/migration/readmodel")
                    .load()
                    .migrate();
            QueryDatabase database = new QueryDatabase(postgres);
            database.jdbc.getJdbcTemplate().execute("""
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
            return database;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public NamedParameterJdbcTemplate jdbc() {
        return jdbc;
    }

    /** Stores an event as the event store would; returns its global index. */
    public long storeEvent(String eventId, String aggregateType, String aggregateId, long sequence, String eventType,
                           Instant timestamp, String payloadJson, String metadataJson) {
        return jdbc.getJdbcTemplate().queryForObject("""
                INSERT INTO eventstore.events (event_identifier, aggregate_type, aggregate_identifier, sequence_number,
                    event_type, payload_revision, time_stamp, payload, meta_data)
                VALUES (?, ?, ?, ?, ?, '1', ?, ?, ?) RETURNING global_index""", Long.class,
                eventId, aggregateType, aggregateId, sequence, eventType, timestamp.toString(),
                payloadJson.getBytes(StandardCharsets.UTF_8), metadataJson.getBytes(StandardCharsets.UTF_8));
    }

    /** Empties every read model and the event table, so each test starts from nothing. */
    public void clear() {
        jdbc.getJdbcTemplate().execute("""
                DO $$ DECLARE t TEXT; BEGIN
                  FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = 'readmodel' LOOP
                    EXECUTE 'TRUNCATE readmodel.' || quote_ident(t);
                  END LOOP;
                END $$""");
        jdbc.getJdbcTemplate().execute("TRUNCATE eventstore.events RESTART IDENTITY");
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
