package io.cncvision.app.cli.audit;

import com.zaxxer.hikari.HikariDataSource;
import io.cncvision.app.audit.Replay;
import io.cncvision.app.audit.StoredReplays;
import io.cncvision.app.cli.DataDirOption;
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
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code cncvision audit replay}: rebuilds the read models from the events recorded up to an instant into a
 * schema of their own, which the read API then answers from ({@code ?asOf=}); lists and drops the replays kept.
 * Without {@code --db} it starts the embedded PostgreSQL on the data directory, and only that, not the platform.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Rebuild the read models as of an instant (by recording time) into schema asof_<instant>.",
                "The read API answers from it with ?asOf=<instant>, e.g. GET /api/v1/spc/{id}/chart?asOf=...",
                "At most --keep replays are kept, the least recently used dropped first; --list shows them, "
                        + "--drop removes them.",
                "Reads --db, or else the embedded database of --data-dir, which must not be in use."})
public class ReplayCommand implements Callable<Integer> {

    static final int REFUSED = 2;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Action action;

    /** What the command does: replay, list or drop; exactly one. */
    static final class Action {

        @Option(names = "--as-of", required = true, paramLabel = "INSTANT",
                description = "Replay as of this ISO-8601 instant in UTC, e.g. 2026-03-01T10:00:00Z, or 'now'.")
        String asOf;

        @Option(names = "--list", required = true,
                description = "List the replays stored: schema, instant, events, size, last used.")
        boolean list;

        @Option(names = "--drop", required = true, paramLabel = "INSTANT|all",
                description = "Drop the replays as of the instant (every read model's and single projections'), "
                        + "or all of them; one being read or written is spared and named.")
        String drop;
    }

    @Option(names = "--projection", paramLabel = "NAME",
            description = "Replay one processing group only, into asof_<instant>_<name>: machine-status, "
                    + "characteristics, part-genealogy, spc-chart, gauges, nonconformances, work-orders.")
    String projection;

    @Option(names = "--keep", paramLabel = "N",
            defaultValue = "${sys:cncvision.audit.replay.keep:-${env:CNCVISION_AUDIT_REPLAY_KEEP:-"
                    + StoredReplays.DEFAULT_KEEP + "}}",
            description = "How many replays to keep: a new one past it drops the least recently used "
                    + "(cncvision.audit.replay.keep). Default: ${DEFAULT-VALUE}.")
    int keep;

    @Mixin
    DatabaseOptions database;

    @Mixin
    DataDirOption instance;

    @Spec
    CommandSpec spec;

    Clock clock = Clock.systemUTC();

    /** Without Spring, Logback would print every library's debug lines on standard output, among the result. */
    public Runnable quietLogging = CliLogging::warningsToStandardError;

    @Override
    public Integer call() {
        quietLogging.run();
        if (keep < 1) {
            throw new ParameterException(spec.commandLine(), "--keep must be at least 1, not " + keep);
        }
        Instant instant = null;
        Predicate<String> dropped = null;
        if (action.asOf != null) {
            instant = instant("--as-of", action.asOf);
            if (projection != null && !Replay.processingGroups().contains(projection)) {
                throw new ParameterException(spec.commandLine(), "--projection '" + projection + "' is not a "
                        + "projection; the projections are " + String.join(", ", Replay.processingGroups()));
            }
            if (instant.isAfter(clock.instant())) {
                throw new ParameterException(spec.commandLine(), "--as-of " + instant + " is in the future (now is "
                        + clock.instant() + "): nothing has been recorded then yet");
            }
        } else if (action.drop != null) {
            dropped = action.drop.strip().equalsIgnoreCase("all") ? schema -> true
                    : StoredReplays.ofInstant(instant("--drop", action.drop));
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (Database opened = database.url() != null ? Database.external(database.url(), database.user())
                : Database.embedded(instance.dataDir())) {
            requireEventStore(opened.dataSource());
            StoredReplays stored = new StoredReplays(opened.dataSource(), clock, keep, StoredReplays.DEFAULT_IN_USE);
            int status;
            if (action.list) {
                status = list(stored, out);
            } else if (dropped != null) {
                status = drop(stored, dropped, out, err);
            } else {
                status = replay(stored, opened.dataSource(), instant, out);
            }
            out.flush();
            err.flush();
            return status;
        } catch (Refused e) {
            err.println("cncvision audit replay: " + e.getMessage());
            return REFUSED;
        } catch (RuntimeException | IOException e) {
            err.println("cncvision audit replay: " + e.getMessage());
            return 1;
        }
    }

    private int replay(StoredReplays stored, DataSource dataSource, Instant instant, PrintWriter out) {
        Replay.Result result = new Replay(dataSource, Replay.standaloneSerializer(), null, clock, stored)
                .run(instant, projection);
        out.printf(Locale.ROOT, "schema %s%nevents replayed %d (recorded up to %s)%ntook %.1f s%n",
                result.schema().name(), result.events(), result.asOf(), result.took().toMillis() / 1000.0);
        out.printf("read it with ?asOf=%s, e.g. GET /api/v1/spc/{characteristicId}/chart?asOf=%s%n",
                result.asOf(), result.asOf());
        return 0;
    }

    private static int list(StoredReplays stored, PrintWriter out) {
        List<StoredReplays.Stored> replays = stored.list();
        String row = "%-56s %-30s %10s %10s %-24s%n";
        out.printf(Locale.ROOT, row, "schema", "as of", "events", "size", "last used");
        long bytes = 0;
        for (StoredReplays.Stored replay : replays) {
            bytes += replay.sizeBytes();
            String state = replay.workInProgress() ? "being written or interrupted"
                    : replay.complete() ? String.valueOf(replay.lastUsed()) : "unfinished (emptied by a crash)";
            out.printf(Locale.ROOT, row, replay.schema(), replay.asOf() == null ? "-" : replay.asOf(),
                    replay.complete() ? replay.events() : "-", size(replay.sizeBytes()), state);
        }
        out.printf(Locale.ROOT, "%d schema(s), %s%n", replays.size(), size(bytes));
        return 0;
    }

    private int drop(StoredReplays stored, Predicate<String> schemas, PrintWriter out, PrintWriter err) {
        StoredReplays.Dropped result = stored.drop(schemas);
        result.dropped().forEach(schema -> out.println("dropped " + schema));
        result.inUse().forEach(schema -> err.println("cncvision audit replay: " + schema
                + " is being read or written, not dropped: try again later"));
        if (result.dropped().isEmpty() && result.inUse().isEmpty()) {
            throw new Refused("no replay " + (action.drop.strip().equalsIgnoreCase("all") ? "is stored"
                    : "as of " + action.drop.strip() + " is stored") + "; --list shows those that are");
        }
        return result.inUse().isEmpty() ? 0 : 1;
    }

    private static String size(long bytes) {
        return bytes < 1024 * 1024 ? String.format(Locale.ROOT, "%.1f kB", bytes / 1024.0)
                : String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }

    private Instant instant(String option, String value) {
        if (value.strip().equalsIgnoreCase("now")) {
            return clock.instant();
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new ParameterException(spec.commandLine(), option + " '" + value
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

        static Database external(String url, String user) {
            if (!url.startsWith("jdbc:postgresql:")) {
                throw new Refused("--db '" + url + "' is not a PostgreSQL JDBC URL such as "
                        + "jdbc:postgresql://localhost:5432/cncvision");
            }
            HikariDataSource dataSource = pool(url);
            if (!url.contains("user=")) {
                dataSource.setUsername(user);
            }
            String password = System.getenv("PGPASSWORD");
            if (!url.contains("password=") && password != null) {
                dataSource.setPassword(password);
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
