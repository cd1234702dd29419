package io.cncvision.app.cli.audit;

import io.cncvision.app.store.EmbeddedPostgresConfiguration;
import io.cncvision.app.store.EmbeddedPostgresLauncher;
import io.cncvision.audit.chain.ChainBreak;
import io.cncvision.audit.chain.ChainVerifier;
import io.cncvision.audit.chain.Verification;
import io.cncvision.audit.key.AuditKeys;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import javax.crypto.Mac;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cncvision audit verify}: recomputes the audit chain from the event store and compares it with what is
 * stored. Exit 0: intact, with a summary; 1: the store was changed, and the first break is named; 2: it could
 * not be checked (no database, no key, bad option).
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Recompute the hash chain of the event store and check every event's proof and every signed checkpoint.",
                "Exit 0: intact. Exit 1: changed; the first event that breaks the chain is named. Exit 2: cannot check."})
public class VerifyCommand implements Callable<Integer> {

    static final int INTACT = 0;
    static final int BROKEN = 1;
    static final int CANNOT_CHECK = 2;

    @Option(names = "--from", paramLabel = "INDEX", defaultValue = "0",
            description = "Check from this global index on, starting at the last signed checkpoint before it. Default: all.")
    long from;

    @Option(names = "--db", paramLabel = "JDBC_URL",
            description = "The database of a running instance, e.g. jdbc:postgresql://localhost:PORT/cncvision?user=postgres "
                    + "(the URL its log prints). Default: the embedded database in the data directory.")
    String db;

    @Option(names = "--data-dir", paramLabel = "DIR",
            defaultValue = "${sys:cncvision.data-dir:-${env:CNCVISION_DATA_DIR:-./data}}",
            description = "The instance's data directory: its embedded database and its audit keys (cncvision.data-dir). "
                    + "Default: ${DEFAULT-VALUE}.")
    Path dataDir;

    @Option(names = "--key-dir", paramLabel = "DIR",
            description = "Where the event key (" + AuditKeys.EVENT_MAC_KEY + ") and public key (" + AuditKeys.PUBLIC_KEY
                    + ") are, for an auditor's copy. Default: <data-dir>/" + AuditKeys.DIRECTORY + ".")
    Path keyDir;

    @Option(names = "--public-key", paramLabel = "FILE",
            description = "Check checkpoint signatures with this Ed25519 public key (PEM) rather than the one in the key directory.")
    Path publicKeyFile;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            if (from < 0) {
                throw new CannotCheck("--from must be a global index, 0 or more, not " + from);
            }
            Path keys = keyDir != null ? keyDir : dataDir.resolve(AuditKeys.DIRECTORY);
            ChainVerifier verifier = new ChainVerifier(eventMac(keys), publicKey(keys));
            Verification verification = db != null ? verifyDatabase(verifier) : verifyEmbedded(verifier);
            report(verification, out);
            return verification.intact() ? INTACT : BROKEN;
        } catch (CannotCheck e) {
            err.println("cncvision audit verify: " + e.getMessage());
            return CANNOT_CHECK;
        } finally {
            out.flush();
            err.flush();
        }
    }

    private Verification verifyDatabase(ChainVerifier verifier) {
        try (Connection connection = DriverManager.getConnection(db)) {
            return verify(verifier, connection, db);
        } catch (SQLException e) {
            throw new CannotCheck("cannot connect to " + db + ": " + e.getMessage());
        }
    }

    private Verification verifyEmbedded(ChainVerifier verifier) {
        Path pgData = dataDir.toAbsolutePath().normalize().resolve("postgres");
        if (!Files.isRegularFile(pgData.resolve("PG_VERSION"))) {
            throw new CannotCheck("no embedded database in " + pgData + "; give the instance's --data-dir, or --db "
                    + "with the JDBC URL of its database");
        }
        runningPostmaster(pgData).ifPresent(port -> {
            throw new CannotCheck("the embedded database in " + pgData + " is in use (by a running platform, or one killed and left running); "
                    + "check it through the running PostgreSQL: --db 'jdbc:postgresql://localhost:" + port + "/"
                    + EmbeddedPostgresConfiguration.DATABASE + "?user=postgres'");
        });
        try (EmbeddedPostgres postgres = EmbeddedPostgresLauncher.start(pgData, 0);
             Connection connection = postgres.getDatabase("postgres", EmbeddedPostgresConfiguration.DATABASE)
                     .getConnection()) {
            return verify(verifier, connection, pgData.toString());
        } catch (IOException e) {
            throw new CannotCheck("cannot start the embedded database in " + pgData + ": " + e.getMessage());
        } catch (SQLException e) {
            throw new CannotCheck("cannot read the embedded database in " + pgData + ": " + e.getMessage());
        }
    }

    private Verification verify(ChainVerifier verifier, Connection connection, String where) throws SQLException {
        try (var tables = connection.getMetaData().getTables(null, "eventstore", "event_chain", null)) {
            if (!tables.next()) {
                throw new CannotCheck(where + " has no audit chain (no table eventstore.event_chain): it holds no "
                        + "cncvision event store, or one the platform has not started on since the chain came");
            }
        }
        return verifier.verify(connection, from);
    }

    private static void report(Verification verification, PrintWriter out) {
        if (verification.intact()) {
            out.println("intact: " + verification.events() + " events checked from global index "
                    + verification.fromIndex() + ", " + verification.chained() + " of them chained");
        } else {
            ChainBreak broken = verification.firstBreak();
            out.println("BROKEN at " + broken.describe());
            out.println("checked before the break: " + verification.events() + " events from global index "
                    + verification.fromIndex());
        }
        out.println("head: global index " + verification.headIndex() + ", chain hash " + verification.headHashHex());
        out.println("last checkpoint: " + (verification.lastCheckpointIndex() == 0 ? "none"
                : "global index " + verification.lastCheckpointIndex() + ", signed " + verification.lastCheckpointSignedAt()));
        if (verification.notYetChained() > 0) {
            out.println("not yet chained: " + verification.notYetChained() + " events after the head, each with a valid proof");
        }
        if (verification.lateOutsideChain() > 0) {
            out.println("warning: " + verification.lateOutsideChain() + " events with a valid proof committed after the "
                    + "chain had passed over their index; the chain does not cover them (raise cncvision.audit.chain.gap-timeout)");
        }
    }

    private Mac eventMac(Path keys) {
        Path file = keys.resolve(AuditKeys.EVENT_MAC_KEY);
        try {
            return AuditKeys.eventMac(file);
        } catch (IOException e) {
            throw new CannotCheck("cannot read the event key " + file + " (" + e.getMessage() + "); give the "
                    + "instance's --data-dir, or --key-dir with a copy of its " + AuditKeys.DIRECTORY + " directory");
        } catch (IllegalStateException e) {
            throw new CannotCheck(e.getMessage());
        }
    }

    private PublicKey publicKey(Path keys) {
        Path file = publicKeyFile != null ? publicKeyFile : keys.resolve(AuditKeys.PUBLIC_KEY);
        try {
            return AuditKeys.readPublicKey(file);
        } catch (IOException e) {
            throw new CannotCheck("cannot read the public key " + file + ": " + e.getMessage());
        } catch (IllegalStateException e) {
            throw new CannotCheck(e.getMessage());
        }
    }

    /** The port of a PostgreSQL running on {@code pgData}, from its postmaster.pid, if one runs. */
    private static Optional<String> runningPostmaster(Path pgData) {
        Path pidFile = pgData.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        try {
            List<String> lines = Files.readAllLines(pidFile);
            long pid = Long.parseLong(lines.get(0).trim());
            boolean alive = ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false)).isPresent();
            return alive ? Optional.of(lines.size() > 3 ? lines.get(3).trim() : "PORT") : Optional.empty();
        } catch (IOException | RuntimeException e) {
            throw new CannotCheck("cannot read " + pidFile + ": " + e.getMessage());
        }
    }

    /** Why the store could not be checked at all; ends the command with status 2. */
    private static final class CannotCheck extends RuntimeException {
        CannotCheck(String message) {
            super(message);
        }
    }
}
