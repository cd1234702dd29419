package io.cncvision.app.cli.spc;

import picocli.CommandLine.Command;

/** Statistical process control of data files, without a running platform. */
@Command(name = "spc", mixinStandardHelpOptions = true,
        description = "Statistical process control of a CSV file.",
        subcommands = AnalyzeCommand.class)
public class SpcCommand {
}
