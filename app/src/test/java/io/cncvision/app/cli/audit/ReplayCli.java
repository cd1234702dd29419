package io.cncvision.app.cli.audit;

import io.cncvision.app.CncvisionCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.stream.Stream;
import picocli.CommandLine;

/** Runs {@code cncvision audit replay ...} in the test's JVM, its logging left as the test has it. */
public final class ReplayCli {

    /** The exit status and what the command printed. */
    public record Run(int status, String out, String err) {
    }

    private ReplayCli() {
    }

    public static Run replay(String... arguments) {
        ReplayCommand command = new ReplayCommand();
        command.quietLogging = () -> { };
        CommandLine.IFactory defaults = CommandLine.defaultFactory();
        CommandLine cli = new CommandLine(new CncvisionCli(), new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                return type == ReplayCommand.class ? type.cast(command) : defaults.create(type);
            }
        });
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int status = cli.execute(Stream.concat(Stream.of("audit", "replay"), Stream.of(arguments))
                .toArray(String[]::new));
        return new Run(status, out.toString(), err.toString());
    }
}
