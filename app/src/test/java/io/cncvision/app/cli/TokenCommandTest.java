package io.cncvision.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.cncvision.app.CncvisionCli;
import io.cncvision.app.security.SecurityConfiguration;
import io.cncvision.app.security.SigningKeyStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.oauth2.jwt.Jwt;
import picocli.CommandLine;

class TokenCommandTest {

    @TempDir
    Path dataDir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void printsOneSignedTokenThatTheInstanceOnTheSameDataDirectoryAccepts() {
        int exitCode = run("token", "--user", "alice", "--roles", "OPERATOR,quality_engineer", "--ttl", "30m",
                "--data-dir", dataDir.toString());

        assertThat(exitCode).isZero();
        assertThat(out.toString()).endsWith(System.lineSeparator());
        assertThat(out.toString().strip().lines()).hasSize(1);
        Jwt jwt = SecurityConfiguration.localJwtDecoder(new SigningKeyStore(dataDir).loadOrCreate())
                .decode(out.toString().strip());
        assertThat(jwt.getSubject()).isEqualTo("alice");
        assertThat(jwt.getClaimAsString("iss")).isEqualTo("cncvision");
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("OPERATOR", "QUALITY_ENGINEER");
        assertThat(jwt.getId()).isNotBlank();
        assertThat(Duration.between(jwt.getIssuedAt(), jwt.getExpiresAt())).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void aNameGivenTravelsInTheClaimNameAndNoneGivenAddsNoClaim() {
        assertThat(run("token", "--user", "alice", "--name", " Alice Example ", "--roles", "AUDITOR",
                "--data-dir", dataDir.toString())).isZero();
        assertThat(run("token", "--user", "bob", "--roles", "AUDITOR", "--data-dir", dataDir.toString())).isZero();

        List<String> tokens = out.toString().strip().lines().toList();
        var decoder = SecurityConfiguration.localJwtDecoder(new SigningKeyStore(dataDir).loadOrCreate());
        assertThat(decoder.decode(tokens.get(0)).getClaimAsString("name")).isEqualTo("Alice Example");
        assertThat(decoder.decode(tokens.get(1)).hasClaim("name")).isFalse();
    }

    @Test
    void createsTheSigningKeyWhenTheDataDirectoryHasNone() {
        Path fresh = dataDir.resolve("fresh");

        assertThat(run("token", "--user", "bot", "--roles", "MACHINE", "--data-dir", fresh.toString())).isZero();

        assertThat(fresh.resolve("jwt-signing-key.json")).exists();
    }

    @Test
    void reusesTheKeyTheInstanceAlreadyHas() throws Exception {
        String key = new SigningKeyStore(dataDir).loadOrCreate().toJSONString();

        run("token", "--user", "alice", "--roles", "ADMIN", "--data-dir", dataDir.toString());

        assertThat(Files.readString(dataDir.resolve("jwt-signing-key.json"))).isEqualTo(key);
    }

    @Test
    void theDefaultLifetimeIsEightHours() {
        run("token", "--user", "alice", "--roles", "AUDITOR", "--data-dir", dataDir.toString());

        Jwt jwt = SecurityConfiguration.localJwtDecoder(new SigningKeyStore(dataDir).loadOrCreate())
                .decode(out.toString().strip());
        assertThat(Duration.between(jwt.getIssuedAt(), jwt.getExpiresAt())).isEqualTo(Duration.ofHours(8));
    }

    @Test
    void anUnknownRoleExitsWithTwoAndListsTheValidRoles() {
        int exitCode = run("token", "--user", "alice", "--roles", "OPERATOR,WIZARD", "--data-dir", dataDir.toString());

        assertThat(exitCode).isEqualTo(2);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).contains("unknown role 'WIZARD'")
                .contains("OPERATOR, QUALITY_ENGINEER, QUALITY_MANAGER, AUDITOR, MAINTENANCE, ADMIN, MACHINE");
        assertThat(dataDir.resolve("jwt-signing-key.json")).doesNotExist();
    }

    @Test
    void aBadLifetimeExitsWithTwo() {
        int exitCode = run("token", "--user", "alice", "--roles", "OPERATOR", "--ttl", "forever",
                "--data-dir", dataDir.toString());

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString()).contains("ttl 'forever' is not a duration");
    }

    @Test
    void theUserAndTheRolesAreRequired() {
        assertThat(run("token", "--roles", "OPERATOR", "--data-dir", dataDir.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--user");
        assertThat(run("token", "--user", "alice", "--data-dir", dataDir.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--roles");
    }

    @Test
    void aKeyFileThatHoldsNoKeyFailsWithAMessageNotAStackTrace() throws Exception {
        Files.writeString(dataDir.resolve("jwt-signing-key.json"), "garbage");

        int exitCode = run("token", "--user", "alice", "--roles", "OPERATOR", "--data-dir", dataDir.toString());

        assertThat(exitCode).isEqualTo(1);
        assertThat(err.toString()).startsWith("cncvision token: the JWT signing key");
    }

    private int run(String... args) {
        CommandLine commandLine = new CommandLine(new CncvisionCli());
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }
}
