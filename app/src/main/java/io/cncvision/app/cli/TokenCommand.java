package io.cncvision.app.cli;

import io.cncvision.app.security.Role;
import io.cncvision.app.security.SigningKeyStore;
import io.cncvision.app.security.TokenIssuer;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Prints a bearer token for this instance's API, signed with the key the instance keeps in its data
 * directory (generated there if missing). It starts no Spring context, so it answers at once.
 */
@Command(name = "token", mixinStandardHelpOptions = true,
        description = {"Print a signed bearer token (JWT) for the API of the instance on this data directory.",
                "For local use: curl -H \"Authorization: Bearer $(./cncvision token --user alice --roles OPERATOR)\" ..."})
public class TokenCommand implements Callable<Integer> {

    @Option(names = "--user", required = true, paramLabel = "NAME",
            description = "Who the token speaks for (its subject). A person is recorded under a pseudonymous user id, "
                    + "never this name; a MACHINE token's subject is recorded as it is.")
    String user;

    @Option(names = "--name", paramLabel = "DISPLAY_NAME",
            description = "The person's name as the people registry shows it (the claim 'name'). Default: the user.")
    String name;

    @Option(names = "--roles", required = true, split = ",", paramLabel = "ROLE",
            description = "Comma-separated roles: OPERATOR, QUALITY_ENGINEER, QUALITY_MANAGER, AUDITOR, MAINTENANCE, ADMIN, MACHINE.")
    List<String> roles = new ArrayList<>();

    @Option(names = "--ttl", defaultValue = "8h", converter = TtlConverter.class, paramLabel = "DURATION",
            description = "How long the token is valid: 30m, 8h, 2d or an ISO-8601 duration. Default: ${DEFAULT-VALUE}.")
    Duration ttl;

    @Mixin
    DataDirOption dataDir;

    @Spec
    CommandSpec spec;

    Clock clock = Clock.systemUTC();

    @Override
    public Integer call() {
        Set<Role> granted = parseRoles();
        if (user.isBlank()) {
            throw new ParameterException(spec.commandLine(), "--user must not be blank");
        }
        SigningKeyStore keys = new SigningKeyStore(dataDir.dataDir());
        try {
            String token = new TokenIssuer(keys.loadOrCreate(), clock).issue(user.strip(), name, granted, ttl);
            spec.commandLine().getOut().println(token);
            spec.commandLine().getOut().flush();
            return 0;
        } catch (UncheckedIOException | IllegalStateException e) {
            spec.commandLine().getErr().println("cncvision token: " + e.getMessage());
            return 1;
        }
    }

    private Set<Role> parseRoles() {
        Set<Role> granted = new LinkedHashSet<>();
        for (String name : roles) {
            granted.add(Role.parse(name).orElseThrow(() -> new ParameterException(spec.commandLine(),
                    "unknown role '" + name + "'; valid roles: " + Role.allNames())));
        }
        return granted;
    }
}
