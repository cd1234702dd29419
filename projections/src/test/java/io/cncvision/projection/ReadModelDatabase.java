package io.cncvision.projection;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * A real PostgreSQL with the read-model migration applied, one for the whole test run: started by the first
 * test that asks for it and stopped when the JVM exits, so test classes neither start nor stop it.
 */
public final class ReadModelDatabase {

    private static ReadModelDatabase shared;

    private final NamedParameterJdbcTemplate jdbc;

    private ReadModelDatabase(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The run's database, started and migrated on first use; tests that share it call {@link #cleared()}. */
    public static synchronized ReadModelDatabase shared() {
        if (shared == null) {
            shared = new ReadModelDatabase(new NamedParameterJdbcTemplate(start().getPostgresDatabase()));
        }
        return shared;
    }

    /** The run's database with every read-model table empty, so a test starts from nothing. */
    public static ReadModelDatabase cleared() {
        ReadModelDatabase database = shared();
        database.clear();
        return database;
    }

    private static EmbeddedPostgres start() {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, "stop-read-model-database"));
            Flyway.configure()
                    .dataSource(postgres.getPostgresDatabase())
                    .locations("classpath:db/migration/readmodel")
                    .load()
                    .migrate();
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public NamedParameterJdbcTemplate jdbc() {
        return jdbc;
    }

    /** Empties every read-model table. */
    public void clear() {
        jdbc.getJdbcTemplate().execute("""
                DO $$ DECLARE t TEXT; BEGIN
                  FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = 'readmodel' LOOP
                    EXECUTE 'TRUNCATE readmodel.' || quote_ident(t);
                  END LOOP;
                END $$""");
    }
}
