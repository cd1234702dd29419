package io.cncvision.app.cli.audit;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code cncvision audit}: what an auditor runs against the event store: verify, replay, export. */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Verify the audit trail, replay the plant as of a moment, export evidence.",
        subcommands = {
                ExportCommand.class,
                VerifyExportCommand.class,
                ReplayCommand.class,
                VerifyCommand.class,
        })
public class AuditCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
