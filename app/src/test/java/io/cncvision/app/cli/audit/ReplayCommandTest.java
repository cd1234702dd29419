package io.cncvision.app.cli.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.cncvision.app.CncvisionCli;
import io.cncvision.app.audit.ReplayDatabase;
import io.cncvision.projection.ReadModelSchema;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import picocli.CommandLine;

/** An operator lists the replays kept and drops them with {@code audit replay --list} and {@code --drop}. */
class ReplayCommandTest {

    private static final String A = "2026-03-01T10:00:00Z";
    private static final String B = "2026-03-02T10:00:00Z";

    @RegisterExtension
    static final ReplayDatabase database = new ReplayDatabase();

    @Test
    void listsTheReplaysKeptWithTheirInstantEventsSizeAndLastUse() {
        assertThat(replay("--as-of", A).status()).isZero();
        assertThat(replay("--as-of", B, "--projection", "spc-chart").status()).isZero();
        database.jdbc().execute("CREATE SCHEMA " + name(B) + "_wip_abc123");

        ReplayCli.Run list = replay("--list");

        assertThat(list.status()).as(list.err()).isZero();
        List<String> lines = list.out().lines().toList();
        assertThat(lines.get(0)).contains("schema", "as of", "events", "size", "last used");
        assertThat(lines.get(1)).startsWith(name(A)).contains(A, " 0 ", "kB")
                .containsPattern("20\\d\\d-\\d\\d-\\d\\dT");
        assertThat(lines.get(2)).startsWith(name(B) + "_spc_chart").contains(B);
        assertThat(lines.get(3)).startsWith(name(B) + "_wip_abc123").contains("being written or interrupted");
        assertThat(lines.get(4)).startsWith("3 schema(s), ");
    }

    @Test
    void dropsTheReplaysOfAnInstantThenAll() {
        replay("--as-of", A);
        replay("--as-of", A, "--projection", "gauges");
        replay("--as-of", B);

        ReplayCli.Run one = replay("--drop", A);
        assertThat(one.status()).as(one.err()).isZero();
        assertThat(one.out().lines()).containsExactly("dropped " + name(A), "dropped " + name(A) + "_gauges");
        assertThat(schemas()).containsExactly(name(B));

        ReplayCli.Run all = replay("--drop", "all");
        assertThat(all.status()).isZero();
        assertThat(all.out().lines()).containsExactly("dropped " + name(B));
        assertThat(schemas()).isEmpty();
    }

    @Test
    void aDropOfWhatIsNotKeptOrOfANonInstantEndsWithTwoNamingIt() {
        replay("--as-of", A);

        ReplayCli.Run none = replay("--drop", B);
        assertThat(none.status()).isEqualTo(2);
        assertThat(none.err()).contains("no replay as of " + B + " is stored", "--list");

        ReplayCli.Run malformed = replay("--drop", "yesterday");
        assertThat(malformed.status()).isEqualTo(2);
        assertThat(malformed.err()).contains("--drop 'yesterday' is not an instant");
        assertThat(schemas()).containsExactly(name(A));
    }

    @Test
    void exactlyOneOfReplayListOrDropIsAsked() {
        ReplayCli.Run both = replay("--list", "--drop", "all");
        assertThat(both.status()).isEqualTo(2);
        assertThat(both.err()).contains("--list", "--drop", "mutually exclusive");

        ReplayCli.Run neither = replay();
        assertThat(neither.status()).isEqualTo(2);
        assertThat(neither.err()).contains("--as-of", "--list", "--drop");

        ReplayCli.Run noKeep = replay("--as-of", A, "--keep", "0");
        assertThat(noKeep.status()).isEqualTo(2);
        assertThat(noKeep.err()).contains("--keep must be at least 1");
    }

    @Test
    void everyDataDirOptionFollowsTheInstancesSettingAndTheAuditCommandsShareTheirDatabaseOptions() {
        String before = System.getProperty("cncvision.data-dir");
        System.setProperty("cncvision.data-dir", "/srv/cncvision");
        try {
            CommandLine cli = new CommandLine(new CncvisionCli());
            CommandLine audit = cli.getSubcommands().get("audit");
            for (CommandLine command : List.of(cli.getSubcommands().get("token"),
                    audit.getSubcommands().get("replay"), audit.getSubcommands().get("export"))) {
                assertThat(command.getCommandSpec().findOption("--data-dir").defaultValue())
                        .as(command.getCommandName()).isEqualTo("/srv/cncvision");
            }
            for (String command : List.of("replay", "export", "verify-export")) {
                CommandLine.Model.CommandSpec spec = audit.getSubcommands().get(command).getCommandSpec();
                assertThat(spec.findOption("--db").paramLabel()).as(command).isEqualTo("JDBC_URL");
                assertThat(spec.findOption("--db-user").defaultValue()).as(command).isEqualTo("postgres");
            }
        } finally {
            if (before == null) {
                System.clearProperty("cncvision.data-dir");
            } else {
                System.setProperty("cncvision.data-dir", before);
            }
        }
    }

    private static String name(String instant) {
        return ReadModelSchema.asOf(Instant.parse(instant)).name();
    }

    private static List<String> schemas() {
        return database.jdbc().queryForList(
                "SELECT nspname FROM pg_namespace WHERE nspname LIKE 'asof\\_%' ORDER BY 1", String.class);
    }

    private static ReplayCli.Run replay(String... arguments) {
        String[] all = new String[arguments.length + 2];
        System.arraycopy(arguments, 0, all, 0, arguments.length);
        all[all.length - 2] = "--db";
        all[all.length - 1] = database.jdbcUrl();
        return ReplayCli.replay(all);
    }
}
