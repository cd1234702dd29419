package io.cncvision.app;

import io.cncvision.app.cli.DemoCommand;
import io.cncvision.app.cli.ServeCommand;
import io.cncvision.app.cli.SimulateCommand;
import io.cncvision.app.cli.TokenCommand;
import io.cncvision.app.cli.audit.AuditCommand;
import io.cncvision.app.cli.people.PeopleCommand;
import io.cncvision.app.cli.spc.SpcCommand;
import io.cncvision.app.cli.vision.VisionCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code cncvision} command line: runs the platform and its tools. */
@Command(name = "cncvision",
        mixinStandardHelpOptions = true,
        version = "cncvision 0.1.0",
        description = "Event-sourced quality platform for CNC machining.",
        subcommands = {ServeCommand.class, DemoCommand.class, SpcCommand.class, SimulateCommand.class,
                TokenCommand.class, VisionCommand.class, AuditCommand.class,
                PeopleCommand.class})
public class CncvisionCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        int exitCode = new CommandLine(new CncvisionCli()).execute(args);
        if (exitCode != 0) {
            System.exit(exitCode);
        }
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
