package io.cncvision.app.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.cncvision.app.cli.audit.AuditCommand;
import io.cncvision.app.security.Role;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * An evidence pack cut from a running platform: a characteristic with limits and a signal, parts produced and
 * measured, a gauge certified that falls due, a nonconformance opened, contained and signed; exported over REST by an
 * auditor and by the command line, verified offline, and a changed file named.
 */
class EvidencePackTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dataDir;

    @TempDir
    Path work;

    @Test
    void anAuditorExportsAPackThatVerifiesAndAChangedFileIsNamed() throws Exception {
        Instant from = Instant.now().minusSeconds(1);
        try (RunningPlatform platform = RunningPlatform.start(dataDir)) {
            String engineer = platform.token("qe-3", Role.QUALITY_ENGINEER);
            String manager = platform.token("qm-7", Role.QUALITY_MANAGER);
            String operator = platform.token("op-12", Role.OPERATOR);
            String lathe = platform.token("lathe-1", Role.MACHINE);
            String auditor = platform.token("carol", Role.AUDITOR);

            assertThat(platform.post("/api/v1/machines", manager,
                    "{\"machineId\": \"lathe-1\", \"name\": \"Lathe 1\", \"protocol\": \"manual\"}").statusCode())
                    .isIn(200, 201);
            assertThat(platform.post("/api/v1/characteristics", engineer, """
                    {"characteristicId": "pn1234-bore", "partNumber": "PN-1234", "name": "Bore", "unit": "mm",
                     "nominal": 12.0, "lsl": 11.98, "usl": 12.02, "subgroupSize": 1, "chart": "imr"}
                    """).statusCode()).isEqualTo(201);
            for (String serial : List.of("S-1", "S-2", "S-3", "S-4")) {
                assertThat(platform.post("/api/v1/parts", lathe, """
                        {"serial": "%s", "partNumber": "PN-1234", "machineId": "lathe-1", "program": "O77",
                         "toolId": "T05", "lot": "LOT-9", "sourceMessageId": "c/%s"}
                        """.formatted(serial, serial)).statusCode()).isIn(200, 201);
            }
            Instant due = Instant.now().plusSeconds(4).truncatedTo(ChronoUnit.MILLIS);
            platform.micrometerCertifiedUntil(engineer, due);
            measure(platform, engineer, "S-1", "12.000");
            measure(platform, engineer, "S-2", "12.002");
            measure(platform, engineer, "S-3", "11.999");
            assertThat(platform.post("/api/v1/characteristics/pn1234-bore/control-limits", engineer,
                    "{\"fromSubgroup\": 1, \"toSubgroup\": 3, \"rules\": \"nelson\", \"reason\": \"baseline study\"}")
                    .statusCode()).isEqualTo(200);
            // The certificate falls due; the next measurement is made out of calibration, and far off: it signals.
            Thread.sleep(Math.max(0, Duration.between(Instant.now(), due).toMillis() + 1500));
            measure(platform, engineer, "S-4", "12.015");

            String location = platform.post("/api/v1/nonconformances", operator, """
                    {"description": "Bore above the limits on S-4", "machineId": "lathe-1", "serials": ["S-4"]}
                    """).headers().firstValue("Location").orElseThrow();
            String ncr = location.substring(location.lastIndexOf('/') + 1);
            assertThat(platform.post("/api/v1/nonconformances/" + ncr + "/containment", engineer,
                    "{\"serials\": [\"S-3\", \"S-4\"], \"action\": \"held at final inspection\"}").statusCode())
                    .isEqualTo(200);
            assertThat(platform.post("/api/v1/nonconformances/" + ncr + "/disposition", manager, """
                    {"disposition": "SCRAP", "justification": "Bore cannot be re-cut", "meaning": "approved disposition SCRAP"}
                    """).statusCode()).isEqualTo(200);
            // The gauge's own nonconformance, opened by the calibration saga.
            await().atMost(WAIT).until(() -> platform.getJson("/api/v1/nonconformances", engineer).size() == 2);
            // The calibration saga's deadline records the expiry within its polling interval.
            await().atMost(WAIT).until(() -> platform.jdbc().queryForObject("SELECT count(*) FROM eventstore.events"
                    + " WHERE event_type LIKE '%.GaugeCalibrationExpired'", Long.class) == 1);
            // and what the sagas do about it (quarantine), until the store is quiet
            await().atMost(WAIT).until(() -> {
                long before = platform.eventCount();
                Thread.sleep(1500);
                return platform.eventCount() == before;
            });
            Instant to = Instant.now().plusSeconds(1);
            String query = "/api/v1/audit/exports?from=" + from + "&to=" + to;

            assertThat(platform.getBytes(query, operator).statusCode()).isEqualTo(403);
            HttpResponse<String> badFrom = platform.get("/api/v1/audit/exports?from=yesterday&to=" + to, auditor);
            assertThat(badFrom.statusCode()).isEqualTo(400);
            assertThat(badFrom.body()).contains("from must be an ISO-8601 instant", "'yesterday'");

            long events = platform.eventCount();
            HttpResponse<byte[]> exported = platform.getBytes(query, auditor);
            assertThat(exported.statusCode()).isEqualTo(200);
            assertThat(exported.headers().firstValue("Content-Type").orElse("")).startsWith("application/zip");
            assertThat(exported.headers().firstValue("Content-Disposition").orElse(""))
                    .startsWith("attachment; filename=\"evidence-");
            assertThat(platform.eventCount()).as("an auditor's export records nothing").isEqualTo(events);
            Path pack = Files.write(work.resolve("pack.zip"), exported.body());

            try (ZipFile zip = new ZipFile(pack.toFile())) {
                assertThat(text(zip, "traceability/parts.csv")).contains("S-4,PN-1234,LOT-9,lathe-1,O77,T05,");
                assertThat(text(zip, "traceability/lots.csv")).contains("PN-1234,LOT-9,4,lathe-1,O77,T05,");
                assertThat(text(zip, "characteristics/pn1234-bore/control-plan.json"))
                        .contains("\"approvedBy\" : \"" + platform.userId("qe-3") + "\"", "baseline study");
                assertThat(text(zip, "characteristics/pn1234-bore/chart.csv").lines()).hasSize(1 + 4);
                assertThat(text(zip, "characteristics/pn1234-bore/signals.csv")).contains("4,NELSON_1,12.015");
                assertThat(text(zip, "characteristics/pn1234-bore/capability.json")).contains("\"available\" : ");
                assertThat(text(zip, "nonconformances/register.csv")).contains(ncr, "held at final inspection", "SCRAP",
                        platform.userId("qm-7") + ",approved disposition SCRAP", "GAUGE_OUT_OF_CALIBRATION");
                assertThat(text(zip, "nonconformances/" + ncr + ".json")).contains("DispositionSigned");
                assertThat(text(zip, "gauges/calibrations.csv")).contains("micrometer-3", "CERT-4711");
                assertThat(text(zip, "gauges/out-of-calibration-measurements.csv").lines())
                        .hasSize(2).last().asString().startsWith("micrometer-3,EXPIRED,recorded with the measurement,")
                        .contains("S-4");
                assertThat(text(zip, "access/commands.csv")).contains(platform.userId("qm-7"), "QUALITY_MANAGER",
                        "DispositionSigned").contains("lathe-1", "PartProduced").doesNotContain("qm-7,");
                // The access log and the signatures name user ids; the people file beside them, the names.
                assertThat(text(zip, "access/people.csv").lines()).contains(
                        platform.userId("qm-7") + ",qm-7,false,", platform.userId("qe-3") + ",qe-3,false,");
                assertThat(zip.getEntry("report.pdf").getSize()).isGreaterThan(1000);
            }

            Path publicKey = dataDir.resolve("audit").resolve("signing-key.pub.pem");
            Run verified = audit("verify-export", pack.toString(), "--public-key", publicKey.toString());
            assertThat(verified.status).as(verified.out + verified.err).isZero();
            assertThat(verified.out).contains("intact", "the given public key");

            Path changed = changeOneByte(pack, "nonconformances/register.csv", work.resolve("changed.zip"));
            Run refused = audit("verify-export", changed.toString(), "--public-key", publicKey.toString());
            assertThat(refused.status).isEqualTo(1);
            assertThat(refused.out).contains("nonconformances/register.csv: changed").doesNotContain("parts.csv");

            // The command line, on the running instance's database through --db, cuts the same registers.
            String url = platform.context().getBean(EmbeddedPostgres.class).getJdbcUrl("postgres", "cncvision");
            Path cli = work.resolve("cli.zip");
            Run export = audit("export", "--from", from.toString(), "--to", to.toString(), "--out", cli.toString(),
                    "--db", url, "--data-dir", dataDir.toString());
            assertThat(export.status).as(export.err).isZero();
            Run againstStore = audit("verify-export", cli.toString(), "--public-key", publicKey.toString(), "--db", url);
            assertThat(againstStore.status).as(againstStore.out + againstStore.err).isZero();
            assertThat(againstStore.out).contains("intact").containsPattern("chain head: global index \\d+ matches");
            try (ZipFile a = new ZipFile(pack.toFile()); ZipFile b = new ZipFile(cli.toFile())) {
                assertThat(text(b, "nonconformances/register.csv")).isEqualTo(text(a, "nonconformances/register.csv"));
                assertThat(text(b, "access/commands.csv")).isEqualTo(text(a, "access/commands.csv"));
            }

            // Without --db, the embedded database in use by the platform is not started a second time.
            Run inUse = audit("export", "--from", from.toString(), "--to", to.toString(), "--out",
                    work.resolve("x.zip").toString(), "--data-dir", dataDir.toString());
            assertThat(inUse.status).isEqualTo(2);
            assertThat(inUse.err).contains("is in use", "--db jdbc:postgresql://localhost:");
        }
    }

    @Test
    void badOptionsAndUnreadablePacksAreNamed() throws IOException {
        Run backwards = audit("export", "--from", "2026-11-02T00:00:00Z", "--to", "2026-11-01T00:00:00Z", "--out",
                work.resolve("p.zip").toString(), "--data-dir", dataDir.toString());
        assertThat(backwards.status).isEqualTo(2);
        assertThat(backwards.err).contains("must end after it starts");
        Run notAnInstant = audit("export", "--from", "monday", "--to", "2026-11-01T00:00:00Z", "--out", "p.zip",
                "--data-dir", dataDir.toString());
        assertThat(notAnInstant.err).contains("--from must be an ISO-8601 instant", "'monday'");
        Run noDatabase = audit("export", "--from", "2026-11-01T00:00:00Z", "--to", "2026-11-02T00:00:00Z", "--out",
                work.resolve("p.zip").toString(), "--data-dir", dataDir.toString());
        assertThat(noDatabase.status).isEqualTo(2);
        assertThat(noDatabase.err).contains("no database in");
        Path text = Files.writeString(work.resolve("notes.zip"), "not a zip");
        Run unreadable = audit("verify-export", text.toString());
        assertThat(unreadable.status).isEqualTo(2);
        assertThat(unreadable.err).contains("is not a zip file");
    }

    private static void measure(RunningPlatform platform, String token, String serial, String value) {
        assertThat(platform.post("/api/v1/characteristics/pn1234-bore/measurements", token,
                "{\"value\": " + value + ", \"partSerial\": \"" + serial + "\", \"gaugeId\": \"micrometer-3\"}")
                .statusCode()).isEqualTo(200);
    }

    private static String text(ZipFile zip, String name) throws IOException {
        ZipEntry entry = zip.getEntry(name);
        assertThat(entry).as(name).isNotNull();
        return new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
    }

    /** A copy of the pack in which one byte of one file differs, written as a well-formed zip. */
    private static Path changeOneByte(Path pack, String name, Path copy) throws IOException {
        try (ZipFile zip = new ZipFile(pack.toFile()); ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(copy))) {
            for (ZipEntry entry : Collections.list(zip.entries())) {
                byte[] content = zip.getInputStream(entry).readAllBytes();
                if (entry.getName().equals(name)) {
                    content[content.length / 2] ^= 1;
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(content);
                out.closeEntry();
            }
        }
        return copy;
    }

    private record Run(int status, String out, String err) {
    }

    private static Run audit(String... arguments) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command = new CommandLine(new AuditCommand());
        command.setOut(new PrintWriter(out));
        command.setErr(new PrintWriter(err));
        int status = command.execute(arguments);
        return new Run(status, out.toString(), err.toString());
    }
}
