package io.cncvision.app.cli.audit;

import io.cncvision.app.audit.EvidencePackExport;
import io.cncvision.audit.evidence.EvidencePackWriter;
import io.cncvision.audit.evidence.EvidencePeriod;
import io.cncvision.audit.key.AuditKeys;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import io.cncvision.app.cli.DataDirOption;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cncvision audit export}: the ISO 9001 / IATF 16949 evidence pack of a period, a zip of CSV and JSON
 * registers, a PDF report and a manifest signed with the instance's audit key. Bad options, an unusable database or
 * a failed write end with status 2 and a message naming the problem; the output file is written whole or not at all.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Export the evidence pack of a period (recording time) as a signed zip.",
                "Signed with the audit key of --data-dir; read from --db, or else from the embedded database of "
                        + "--data-dir, which must not be in use.",
                "Check it later, offline, with: cncvision audit verify-export FILE.zip"})
public class ExportCommand implements Callable<Integer> {

    static final int FAILED = 2;

    @Option(names = "--from", required = true, paramLabel = "INSTANT",
            description = "Start of the period, an ISO-8601 instant such as 2026-11-02T06:00:00Z.")
    String from;

    @Option(names = "--to", required = true, paramLabel = "INSTANT", description = "End of the period (included).")
    String to;

    @Option(names = "--out", required = true, paramLabel = "FILE.zip", description = "Where to write the pack.")
    Path out;

    @Mixin
    DatabaseOptions database;

    @Mixin
    DataDirOption instance;

    @Spec
    CommandSpec spec;

    Clock clock = Clock.systemUTC();

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Path dataDir = instance.dataDir();
        EvidencePeriod period;
        try {
            period = new EvidencePeriod(instant("--from", from), instant("--to", to));
        } catch (IllegalArgumentException e) {
            return fail(err, e.getMessage());
        }
        AuditKeys keys;
        try {
            keys = AuditKeys.loadOrCreate(dataDir);
        } catch (UncheckedIOException | IllegalStateException e) {
            return fail(err, e.getMessage());
        }
        Path target = out.toAbsolutePath().normalize();
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        try (AuditDatabase opened = AuditDatabase.open(database.url(), database.user(), dataDir)) {
            Files.createDirectories(target.getParent());
            EvidencePackWriter.PackSummary summary;
            try (OutputStream file = Files.newOutputStream(partial)) {
                summary = new EvidencePackExport(opened.dataSource(), keys, clock).write(period, file);
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.println("wrote " + target + ": " + summary.eventsInPeriod() + " events from " + period.from()
                    + " to " + period.to() + ", " + summary.files() + " files, signed with "
                    + dataDir.resolve(AuditKeys.DIRECTORY).resolve(AuditKeys.SIGNING_KEY));
            stdout.flush();
            return 0;
        } catch (AuditDatabase.UnusableDatabaseException e) {
            return fail(err, e.getMessage());
        } catch (IOException | UncheckedIOException e) {
            return fail(err, "cannot write " + target + ": " + e.getMessage());
        } catch (SQLException e) {
            return fail(err, "cannot read the event store: " + e.getMessage());
        } finally {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException e) {
                // a partial file left beside the target says itself what it is
            }
        }
    }

    private static int fail(PrintWriter err, String message) {
        err.println("cncvision audit export: " + message);
        err.flush();
        return FAILED;
    }

    private static Instant instant(String option, String value) {
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(option + " must be an ISO-8601 instant such as 2026-11-02T06:00:00Z, not '"
                    + value + "'");
        }
    }
}
