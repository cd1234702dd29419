package io.cncvision.app.cli.audit;

import io.cncvision.audit.evidence.EvidencePackVerifier;
import io.cncvision.audit.key.AuditKeys;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cncvision audit verify-export}: checks an evidence pack offline, with no database: the manifest's signature
 * and every file's SHA-256. Status 0 when intact; 1 naming each changed, missing or added file; 2 when the input
 * cannot be read as a pack.
 */
@Command(name = "verify-export", mixinStandardHelpOptions = true,
        description = {"Check an evidence pack offline: its signature and every file in it.",
                "With --db, also compare the chain head the pack was cut from with that database's hash chain; "
                        + "the pack itself is checked offline either way.",
                "Exit status: 0 intact, 1 changed (each file named), 2 unreadable input."})
public class VerifyExportCommand implements Callable<Integer> {

    static final int CHANGED = 1;
    static final int UNREADABLE = 2;

    @Parameters(paramLabel = "FILE.zip", description = "The evidence pack.")
    Path pack;

    @Option(names = "--public-key", paramLabel = "FILE.pem",
            description = "The instance's public key (<data-dir>/audit/" + AuditKeys.PUBLIC_KEY + "), to prove who signed "
                    + "the pack. Without it the key inside the pack is used, which proves only that the pack is whole.")
    Path publicKey;

    @Mixin
    DatabaseOptions database;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        PublicKey key = null;
        if (publicKey != null) {
            try {
                key = AuditKeys.readPublicKey(publicKey);
            } catch (IOException | IllegalStateException e) {
                err.println("cncvision audit verify-export: cannot read the public key " + publicKey + ": " + e.getMessage());
                err.flush();
                return UNREADABLE;
            }
        }
        if (!Files.isRegularFile(pack)) {
            err.println("cncvision audit verify-export: " + pack + " is not a file");
            err.flush();
            return UNREADABLE;
        }
        EvidencePackVerifier.Verification verification;
        try {
            verification = EvidencePackVerifier.verify(pack, key);
        } catch (EvidencePackVerifier.UnreadablePackException e) {
            err.println("cncvision audit verify-export: " + e.getMessage());
            err.flush();
            return UNREADABLE;
        }
        List<String> problems = new ArrayList<>(verification.problems());
        if (database.url() != null && verification.manifest() != null) {
            try {
                problems.addAll(compareWithStore(verification.manifest(), out));
            } catch (AuditDatabase.UnusableDatabaseException | SQLException e) {
                err.println("cncvision audit verify-export: " + e.getMessage());
                err.flush();
                return UNREADABLE;
            }
        }
        if (problems.isEmpty()) {
            out.println(pack + ": intact: " + verification.filesChecked() + " files match the manifest, whose signature"
                    + " verifies with " + verification.keyUsed());
            out.println("period " + verification.manifest().at("/period/from").asText() + " to "
                    + verification.manifest().at("/period/to").asText() + ", cut from chain head "
                    + (verification.manifest().path("chainHead").isNull() ? "none (no hash chain)"
                    : verification.manifest().at("/chainHead/globalIndex").asText() + " "
                    + verification.manifest().at("/chainHead/chainHashHex").asText()));
            out.flush();
            return 0;
        }
        out.println(pack + ": CHANGED: " + problems.size() + " problem(s) found");
        problems.forEach(problem -> out.println("  " + problem));
        out.flush();
        return CHANGED;
    }

    private List<String> compareWithStore(JsonNode manifest, PrintWriter out)
            throws AuditDatabase.UnusableDatabaseException, SQLException {
        JsonNode head = manifest.path("chainHead");
        try (AuditDatabase opened = AuditDatabase.open(database.url(), database.user(), null);
             Connection connection = opened.dataSource().getConnection()) {
            boolean chained;
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT to_regclass('eventstore.event_chain') IS NOT NULL");
                 ResultSet row = query.executeQuery()) {
                chained = row.next() && row.getBoolean(1);
            }
            if (head.isNull() || head.isMissingNode()) {
                out.println("chain head: the pack was cut while its store had no hash chain; nothing to compare with "
                        + database.url());
                return List.of();
            }
            String hash = null;
            if (chained) {
                try (PreparedStatement query = connection.prepareStatement(
                        "SELECT chain_hash FROM eventstore.event_chain WHERE global_index = ?")) {
                    query.setLong(1, head.path("globalIndex").asLong());
                    try (ResultSet row = query.executeQuery()) {
                        hash = row.next() ? HexFormat.of().formatHex(row.getBytes(1)) : null;
                    }
                }
            }
            List<String> problems = EvidencePackVerifier.compareChainHead(manifest, chained, hash);
            if (problems.isEmpty()) {
                out.println("chain head: global index " + head.path("globalIndex").asText() + " matches the chain of "
                        + database.url());
            }
            return problems;
        }
    }
}
