package io.cncvision.app.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.cncvision.app.cli.audit.AuditCommand;
import io.cncvision.app.security.Role;
import io.cncvision.audit.chain.BreakKind;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The chain over events the platform wrote through its API, and {@code cncvision audit verify} against it: an
 * untouched store is intact; then, as a database superuser who switched the append-only triggers off, each kind
 * of change is made in turn, each at a lower global index than the one before, so that each is the first break
 * the verifier meets and must name.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuditChainTest {

    @TempDir
    static Path dataDir;

    private RunningPlatform platform;
    private String jdbcUrl;
    /** Global indexes of the events the platform wrote, in order; a gap of three lies after the eighth machine. */
    private List<Long> written;
    private long gap;

    @BeforeAll
    void start() throws Exception {
        platform = RunningPlatform.start(dataDir, "--cncvision.audit.chain.gap-timeout=1s",
                "--cncvision.audit.chain.checkpoint-interval=5");
        jdbcUrl = platform.context().getBean(EmbeddedPostgres.class).getJdbcUrl("postgres", "cncvision");
        String token = platform.token("admin-ada", Role.ADMIN);
        for (int i = 1; i <= 12; i++) {
            if (i == 9) {
                // Sequence values a rolled-back transaction would have taken: the chain must pass over them.
                gap = platform.jdbc().queryForObject("SELECT max(global_index) + 2 FROM eventstore.events", Long.class);
                platform.jdbc().queryForObject("SELECT setval('eventstore.events_global_index_seq', ?)", Long.class,
                        gap + 1);
            }
            var response = platform.post("/api/v1/machines", token, "{\"machineId\": \"mill-" + i
                    + "\", \"name\": \"Mill " + i + "\", \"protocol\": \"manual\"}");
            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        }
        written = platform.jdbc().queryForList("SELECT global_index FROM eventstore.events ORDER BY global_index",
                Long.class);
        awaitChainedUpTo(written.get(written.size() - 1));
    }

    @AfterAll
    void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    @Order(1)
    void everyEventIsProvedInItsTransactionAndChained() {
        assertThat(platform.jdbc().queryForObject("SELECT count(*) FROM eventstore.events e WHERE NOT EXISTS"
                + " (SELECT 1 FROM eventstore.event_proof p WHERE p.event_identifier = e.event_identifier)", Long.class))
                .isZero();
        assertThat(platform.jdbc().queryForObject("SELECT count(*) FROM eventstore.event_chain", Long.class))
                .isEqualTo(written.size());
        assertThat(platform.jdbc().queryForObject("SELECT count(*) FROM eventstore.chain_checkpoint", Long.class))
                .isEqualTo(written.size() / 5);
    }

    @Test
    @Order(2)
    void untouchedStoreIsIntact() {
        Run run = verify("--db", jdbcUrl);

        assertThat(run.exitCode).as(run.out).isZero();
        assertThat(run.out).contains("intact: " + written.size() + " events")
                .contains("head: global index " + written.get(written.size() - 1));
    }

    @Test
    @Order(3)
    void theEmbeddedDatabaseOfARunningPlatformIsNotStartedTwice() {
        Run run = verify();

        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.err).contains("in use").contains("--db jdbc:postgresql://localhost:");
    }

    @Test
    @Order(4)
    void eachChangeIsNamedAtItsEvent() throws SQLException {
        long appended = insertForeignEvent(null);
        assertBreak(appended, BreakKind.NOT_WRITTEN_BY_THE_PLATFORM, aggregateAt(appended));

        insertForeignEvent(gap);
        assertBreak(gap, BreakKind.INSERTED, aggregateAt(gap));

        String movedDown = aggregateAt(written.get(7));
        tamper("UPDATE eventstore.events SET global_index = -1 WHERE global_index = " + written.get(6),
                "UPDATE eventstore.events SET global_index = " + written.get(6) + " WHERE global_index = " + written.get(7),
                "UPDATE eventstore.events SET global_index = " + written.get(7) + " WHERE global_index = -1");
        assertBreak(written.get(6), BreakKind.REORDERED, movedDown);

        tamper("DELETE FROM eventstore.events WHERE global_index = " + written.get(4));
        assertBreak(written.get(4), BreakKind.DELETED, null);

        tamper("UPDATE eventstore.events SET meta_data = convert_to('{\"principal\": \"someone-else\"}', 'UTF8')"
                + " WHERE global_index = " + written.get(2));
        assertBreak(written.get(2), BreakKind.PAYLOAD_OR_METADATA_CHANGED, aggregateAt(written.get(2)));

        tamper("UPDATE eventstore.events SET payload = convert_to(replace(convert_from(payload, 'UTF8'), 'Mill',"
                + " 'Lathe'), 'UTF8') WHERE global_index = " + written.get(0));
        assertBreak(written.get(0), BreakKind.PAYLOAD_OR_METADATA_CHANGED, aggregateAt(written.get(0)));
    }

    @Test
    @Order(5)
    void theEmbeddedDatabaseIsVerifiedInPlaceOnceThePlatformHasStopped() {
        platform.close();
        platform = null;

        Run run = verify();

        assertThat(run.exitCode).as(run.out + run.err).isEqualTo(1);
        assertThat(run.out).contains("BROKEN at global index " + written.get(0) + ", ")
                .contains(": PAYLOAD_OR_METADATA_CHANGED: ");
    }

    private String aggregateAt(long globalIndex) {
        return platform.jdbc().queryForObject("SELECT aggregate_identifier FROM eventstore.events WHERE global_index = ?",
                String.class, globalIndex);
    }

    private void assertBreak(long globalIndex, BreakKind kind, String aggregate) {
        Run run = verify("--db", jdbcUrl);

        assertThat(run.exitCode).as(run.out + run.err).isEqualTo(1);
        assertThat(run.out).as(run.out).contains("BROKEN at global index " + globalIndex + ", ")
                .contains(": " + kind + ": ");
        if (aggregate != null) {
            assertThat(run.out).as(run.out).contains(" of Machine " + aggregate + " (event ");
        }
    }

    /** An event inserted by someone with database rights but without the event key; at the index given, or next. */
    private long insertForeignEvent(Long globalIndex) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl);
             PreparedStatement insert = connection.prepareStatement("INSERT INTO eventstore.events (global_index,"
                     + " event_identifier, aggregate_type, aggregate_identifier, sequence_number, event_type,"
                     + " payload_revision, time_stamp, payload, meta_data) VALUES (coalesce(?, nextval("
                     + "'eventstore.events_global_index_seq')), ?, 'Machine', ?, 0, 'io.cncvision.api.machine.MachineRegistered',"
                     + " '1', ?, convert_to('{\"machineId\": \"mill-forged\"}', 'UTF8'), convert_to('{}', 'UTF8'))"
                     + " RETURNING global_index")) {
            insert.setObject(1, globalIndex);
            insert.setString(2, UUID.randomUUID().toString());
            insert.setString(3, "mill-forged" + (globalIndex == null ? "" : "-" + globalIndex));
            insert.setString(4, Instant.now().toString());
            var row = insert.executeQuery();
            row.next();
            return row.getLong(1);
        }
    }

    /** Runs SQL as the superuser, with triggers (the append-only guard) switched off for the session. */
    private void tamper(String... statements) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl);
             Statement statement = connection.createStatement()) {
            statement.execute("SET session_replication_role = replica");
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private void awaitChainedUpTo(long globalIndex) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (platform.jdbc().queryForObject("SELECT coalesce(max(global_index), 0) FROM eventstore.event_chain",
                Long.class) < globalIndex) {
            assertThat(Instant.now()).as("chained up to " + globalIndex).isBefore(deadline);
            Thread.sleep(100);
        }
    }

    private record Run(int exitCode, String out, String err) {
    }

    private Run verify(String... options) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command = new CommandLine(new AuditCommand());
        command.setOut(new PrintWriter(out));
        command.setErr(new PrintWriter(err));
        String[] arguments = new String[options.length + 3];
        arguments[0] = "verify";
        arguments[1] = "--data-dir=" + dataDir.toAbsolutePath();
        System.arraycopy(options, 0, arguments, 2, options.length);
        arguments[arguments.length - 1] = "--from=0";
        int exitCode = command.execute(arguments);
        return new Run(exitCode, out.toString(), err.toString());
    }
}
