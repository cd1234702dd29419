package io.cncvision.projection;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** A real PostgreSQL with the read-model migration applied, for one test class. */
public final class ReadModelDatabase implements AutoCloseable {

    private final EmbeddedPostgres postgres;
    private final NamedParameterJdbcTemplate jdbc;

    private ReadModelDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
        this.jdbc = new NamedParameterJdbcTemplate(postgres.getPostgresDatabase());
    }

    public static ReadModelDatabase start() {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
            Flyway.configure()
                    .dataSource(postgres.getPostgresDatabase())
                    .locations("classpath:db/migration/readmodel")
                    .load()
                    .migrate();
            return new ReadModelDatabase(postgres);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public NamedParameterJdbcTemplate jdbc() {
        return jdbc;
    }

    /** Empties every read-model table, so each test starts from nothing. */
    public void clear() {
        jdbc.getJdbcTemplate().execute("""
                DO $$ DECLARE t TEXT; BEGIN
                  FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = 'readmodel' LOOP
                    EXECUTE 'TRUNCATE readmodel.' || quote_ident(t);
                  END LOOP;
                END $$""");
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
