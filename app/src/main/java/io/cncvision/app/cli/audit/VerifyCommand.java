package io.cncvision.app.cli.audit;

import io.cncvision.app.cli.DataDirOption;
import io.cncvision.audit.chain.ChainBreak;
import io.cncvision.audit.chain.ChainVerifier;
import io.cncvision.audit.chain.Verification;
import io.cncvision.audit.key.AuditKeys;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Callable;
import javax.crypto.Mac;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

    @Mixin
    DatabaseOptions database;

    @Mixin
    DataDirOption dataDir;

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
            Path keys = keyDir != null ? keyDir : dataDir.dataDir().resolve(AuditKeys.DIRECTORY);
            ChainVerifier verifier = new ChainVerifier(eventMac(keys), publicKey(keys));
            Verification verification = verify(verifier);
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

    private Verification verify(ChainVerifier verifier) {
        String where = database.url() != null ? database.url()
                : "the embedded PostgreSQL on " + dataDir.dataDir().resolve("postgres");
        try (AuditDatabase opened = AuditDatabase.open(database.url(), database.user(), dataDir.dataDir());
             Connection connection = opened.dataSource().getConnection()) {
            try (var tables = connection.getMetaData().getTables(null, "eventstore", "event_chain", null)) {
                if (!tables.next()) {
                    throw new CannotCheck(where + " has no audit chain (no table eventstore.event_chain): it holds no "
                            + "cncvision event store, or one the platform has not started on since the chain came");
                }
            }
            return verifier.verify(connection, from);
        } catch (AuditDatabase.UnusableDatabaseException e) {
            throw new CannotCheck(e.getMessage());
        } catch (SQLException e) {
            throw new CannotCheck("cannot read " + where + ": " + e.getMessage());
        }
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

    /** Why the store could not be checked at all; ends the command with status 2. */
    private static final class CannotCheck extends RuntimeException {
        CannotCheck(String message) {
            super(message);
        }
    }
}
