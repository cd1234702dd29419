package io.cncvision.app.cli.audit;

import com.zaxxer.hikari.HikariDataSource;
import io.cncvision.app.audit.Replay;
import io.cncvision.app.cli.vision.CliLogging;
import io.cncvision.app.store.EmbeddedPostgresLauncher;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code cncvision audit replay}: rebuilds the read models from the events recorded up to an instant into a
 * schema of their own, which the read API then answers from ({@code ?asOf=}). Without {@code --db} it starts the
 * embedded PostgreSQL on the data directory, and only that, not the platform.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Rebuild the read models as of an instant (by recording time) into schema asof_<instant>.",
                "The read API answers from it with ?asOf=<instant>, e.g. GET /api/v1/spc/{id}/chart?asOf=..."})
public class ReplayCommand implements Callable<Integer> {

    static final int REFUSED = 2;

    @Option(names = "--as-of", required = true, paramLabel = "INSTANT",
            description = "ISO-8601 instant in UTC, e.g. 2026-03-01T10:00:00Z, or 'now'.")
    String asOf;

    @Option(names = "--projection", paramLabel = "NAME",
            description = "Replay one processing group only, into asof_<instant>_<name>: machine-status, "
                    + "characteristics, part-genealogy, spc-chart, gauges, nonconformances, work-orders.")
    String projection;

    @Option(names = "--db", paramLabel = "JDBC_URL",
            description = "A running instance's database, e.g. jdbc:postgresql://localhost:5432/cncvision?user=postgres "
                    + "(user postgres unless the URL names one). Default: the embedded database of --data-dir.")
    String db;

    @Option(names = "--data-dir", paramLabel = "DIR",
            defaultValue = "${sys:cncvision.data-dir:-${env:CNCVISION_DATA_DIR:-./data}}",
            description = "The instance's data directory, for its embedded PostgreSQL. Default: ${DEFAULT-VALUE}.")
    Path dataDir;

    @Spec
    CommandSpec spec;

    Clock clock = Clock.systemUTC();

    /** Without Spring, Logback would print every library's debug lines on standard output, among the result. */
    public Runnable quietLogging = CliLogging::warningsToStandardError;

    @Override
    public Integer call() {
        quietLogging.run();
        Instant instant = instant();
        if (projection != null && !Replay.processingGroups().contains(projection)) {
            throw new ParameterException(spec.commandLine(), "--projection '" + projection + "' is not a projection; "
                    + "the projections are " + String.join(", ", Replay.processingGroups()));
        }
        if (instant.isAfter(clock.instant())) {
            throw new ParameterException(spec.commandLine(), "--as-of " + instant + " is in the future (now is "
                    + clock.instant() + "): nothing has been recorded then yet");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (Database database = db != null ? Database.external(db) : Database.embedded(dataDir)) {
            requireEventStore(database.dataSource());
            Replay.Result result = new Replay(database.dataSource(), Replay.standaloneSerializer(), null, clock)
                    .run(instant, projection);
            out.printf(Locale.ROOT, "schema %s%nevents replayed %d (recorded up to %s)%ntook %.1f s%n",
                    result.schema().name(), result.events(), result.asOf(), result.took().toMillis() / 1000.0);
            out.printf("read it with ?asOf=%s, e.g. GET /api/v1/spc/{characteristicId}/chart?asOf=%s%n",
                    result.asOf(), result.asOf());
            out.flush();
            return 0;
        } catch (Refused e) {
            err.println("cncvision audit replay: " + e.getMessage());
            return REFUSED;
        } catch (RuntimeException | IOException e) {
            err.println("cncvision audit replay: " + e.getMessage());
            return 1;
        }
    }

    private Instant instant() {
        if (asOf.strip().equalsIgnoreCase("now")) {
            return clock.instant();
        }
        try {
            return Instant.parse(asOf.strip());
        } catch (DateTimeParseException e) {
            throw new ParameterException(spec.commandLine(), "--as-of '" + asOf
                    + "' is not an instant: give an ISO-8601 instant in UTC such as 2026-03-01T10:00:00Z, or now");
        }
    }

    private static void requireEventStore(DataSource dataSource) {
        Boolean found = new JdbcTemplate(dataSource).queryForObject(
                "SELECT to_regclass('eventstore.events') IS NOT NULL", Boolean.class);
        if (!Boolean.TRUE.equals(found)) {
            throw new Refused("the database has no event store (eventstore.events): no cncvision platform has "
                    + "run on it");
        }
    }

    /** A refusal of what the user asked, said in a sentence; exit status 2 as for a bad option. */
    static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    /** The database replayed: a running instance's, or the embedded one started for the replay alone. */
    record Database(HikariDataSource dataSource, Optional<EmbeddedPostgres> postgres) implements AutoCloseable {

        static Database external(String url) {
            if (!url.startsWith("jdbc:postgresql:")) {
                throw new Refused("--db '" + url + "' is not a PostgreSQL JDBC URL such as "
                        + "jdbc:postgresql://localhost:5432/cncvision");
            }
            HikariDataSource dataSource = pool(url);
            if (!url.contains("user=")) {
                dataSource.setUsername("postgres");
            }
            return new Database(dataSource, Optional.empty());
        }

        static Database embedded(Path dataDir) throws IOException {
            Path pgData = dataDir.toAbsolutePath().normalize().resolve("postgres");
            if (!Files.isRegularFile(pgData.resolve("PG_VERSION"))) {
                throw new Refused("no embedded database in " + pgData + ": give the instance's --data-dir, or --db");
            }
            Optional<ProcessHandle> running = EmbeddedPostgresLauncher.runningPostmaster(pgData);
            if (running.isPresent()) {
                throw new Refused("the data directory " + dataDir + " is in use by a running platform (PostgreSQL pid "
                        + running.get().pid() + "); replay against it with --db and the JDBC URL its log names "
                        + "('Embedded PostgreSQL ready on ...'), or stop it first");
            }
            EmbeddedPostgres postgres = EmbeddedPostgresLauncher.start(pgData, 0);
            HikariDataSource dataSource = pool(postgres.getJdbcUrl("postgres", EmbeddedPostgresLauncher.DATABASE));
            dataSource.setUsername("postgres");
            return new Database(dataSource, Optional.of(postgres));
        }

        private static HikariDataSource pool(String url) {
            HikariDataSource dataSource = new HikariDataSource();
            dataSource.setJdbcUrl(url);
            dataSource.setMaximumPoolSize(10); // the reading connection and one for each projection
            dataSource.setPoolName("cncvision-replay");
            return dataSource;
        }

        @Override
        public void close() throws IOException {
            dataSource.close();
            if (postgres.isPresent()) {
                postgres.get().close();
            }
        }
    }
}
