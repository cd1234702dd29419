package io.cncvision.app.audit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A PostgreSQL with just what a replay reads: an empty event store and one read-model table, so that replays
 * complete at once and what is kept of them can be tested. As a JUnit extension (a static
 * {@code @RegisterExtension} field), it starts before a class's tests, is left without replays before each test
 * and stops after them.
 */
public final class ReplayDatabase implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

    private EmbeddedPostgres postgres;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        jdbc().execute("""
                CREATE SCHEMA eventstore;
                CREATE TABLE eventstore.events (global_index BIGSERIAL PRIMARY KEY, event_identifier VARCHAR(255),
                    aggregate_identifier VARCHAR(255), sequence_number BIGINT, aggregate_type VARCHAR(255),
                    event_type VARCHAR(255), payload_revision VARCHAR(255), time_stamp VARCHAR(255), payload BYTEA,
                    meta_data BYTEA);
                CREATE SCHEMA readmodel;
                CREATE TABLE readmodel.characteristic (characteristic_id TEXT PRIMARY KEY, measurement_count BIGINT);
                """);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        dropReplays();
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        postgres.close();
    }

    public DataSource dataSource() {
        return postgres.getPostgresDatabase();
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    public JdbcTemplate jdbc() {
        return new JdbcTemplate(dataSource());
    }

    /** Drops every replay schema, between tests. */
    public void dropReplays() {
        jdbc().queryForList("SELECT nspname FROM pg_namespace WHERE nspname LIKE 'asof\\_%'", String.class)
                .forEach(schema -> jdbc().execute("DROP SCHEMA " + schema + " CASCADE"));
    }

    /** A clock the test moves. */
    public static final class MovingClock extends Clock {

        private Instant now;

        public MovingClock(Instant now) {
            this.now = now;
        }

        public void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
