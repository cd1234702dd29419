package io.cncvision.app.cli.people;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code cncvision people}: the names behind the user ids of the audit trail, kept apart from it. */
@Command(name = "people", mixinStandardHelpOptions = true,
        description = "The people registry: who is behind a user id of the audit trail.",
        subcommands = {
                EraseCommand.class,
        })
public class PeopleCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
