package io.cncvision.app.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.cncvision.app.security.Role;
import io.cncvision.app.security.SigningKeyStore;
import io.cncvision.app.security.TokenIssuer;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A nonconformance walked end to end over REST, as people on the floor and in quality do it: reported by an
 * operator, its parts contained and shown quarantined, its root cause and corrective action recorded, its
 * disposition signed by a quality manager who has just authenticated, then closed.
 */
class NonConformanceLifecycleTest {

    @TempDir
    Path dataDir;

    @Test
    void aNonConformanceIsOpenedContainedInvestigatedSignedAndClosed() {
        try (RunningPlatform platform = RunningPlatform.start(dataDir)) {
            String operator = platform.token("op-12", Role.OPERATOR);
            String engineer = platform.token("qe-3", Role.QUALITY_ENGINEER);
            String manager = platform.token("qm-7", Role.QUALITY_MANAGER);
            String mill = platform.token("mill-01", Role.MACHINE);
            // The same manager, whose token was issued ten minutes ago: good for reading, too old to sign with.
            String staleManager = new TokenIssuer(new SigningKeyStore(dataDir).loadOrCreate(),
                    Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-10)))
                    .issue("qm-7", List.of(Role.QUALITY_MANAGER), Duration.ofHours(1));

            assertThat(platform.post("/api/v1/machines", manager,
                    "{\"machineId\": \"mill-01\", \"name\": \"Mill 1\", \"protocol\": \"manual\"}").statusCode())
                    .isIn(200, 201);
            for (String serial : List.of("SN-1", "SN-2")) {
                assertThat(platform.post("/api/v1/parts", mill, """
                        {"serial": "%s", "partNumber": "PN-1234", "machineId": "mill-01", "sourceMessageId": "c-%s"}
                        """.formatted(serial, serial)).statusCode()).isEqualTo(201);
            }

            HttpResponse<String> opened = platform.post("/api/v1/nonconformances", operator, """
                    {"description": "Bore above USL on SN-1", "machineId": "mill-01", "serials": ["SN-1"]}
                    """);
            assertThat(opened.statusCode()).isEqualTo(201);
            String location = opened.headers().firstValue("Location").orElseThrow();
            assertThat(location).matches(".*/api/v1/nonconformances/NCR-\\d{8}-[0-9A-F]{10}");
            String ncr = location.substring(location.lastIndexOf('/') + 1);
            String path = "/api/v1/nonconformances/" + ncr;

            // An unknown serial is named, and nothing of the containment is recorded.
            long before = platform.eventCount();
            HttpResponse<String> unknownPart = platform.post(path + "/containment", engineer,
                    "{\"serials\": [\"SN-1\", \"SN-404\"], \"action\": \"held at final inspection\"}");
            assertThat(unknownPart.statusCode()).isEqualTo(404);
            assertThat(RunningPlatform.json(unknownPart.body()).path("detail").asText()).contains("SN-404")
                    .doesNotContain("SN-1,");
            assertThat(platform.eventCount()).isEqualTo(before);

            HttpResponse<String> contained = platform.post(path + "/containment", engineer,
                    "{\"serials\": [\"SN-1\", \"SN-2\"], \"action\": \"held at final inspection\"}");
            assertThat(contained.statusCode()).isEqualTo(200);
            JsonNode containment = RunningPlatform.json(contained.body());
            assertThat(containment.path("outcome").asText()).isEqualTo("RECORDED");
            assertThat(containment.path("quarantined")).extracting(JsonNode::asText).containsExactly("SN-1", "SN-2");
            JsonNode again = RunningPlatform.json(platform.post(path + "/containment", engineer,
                    "{\"serials\": [\"SN-2\"], \"action\": \"held at final inspection\"}").body());
            assertThat(again.path("outcome").asText()).isEqualTo("UNCHANGED");
            assertThat(again.path("alreadyHeld")).extracting(JsonNode::asText).containsExactly("SN-2");
            for (String serial : List.of("SN-1", "SN-2")) {
                JsonNode part = await().atMost(Duration.ofSeconds(30)).until(
                        () -> platform.getJson("/api/v1/parts/" + serial, operator),
                        p -> p.path("quarantinedUnder").asText().equals(ncr));
                assertThat(part.path("quarantinedAt").isTextual()).isTrue();
            }

            assertThat(platform.post(path + "/root-cause", engineer,
                    "{\"rootCause\": \"Boring insert T12 worn\", \"method\": \"5 why\"}").statusCode()).isEqualTo(200);
            assertThat(platform.post(path + "/corrective-action", engineer,
                    "{\"action\": \"Tool life of T12 lowered to 400 parts\", \"ownerId\": \"qe-3\", \"dueOn\": \"2026-12-01\"}")
                    .statusCode()).isEqualTo(200);

            String scrap = """
                    {"disposition": "SCRAP", "justification": "Bore cannot be re-cut", "meaning": "approved disposition SCRAP"}
                    """;
            assertThat(platform.post(path + "/disposition", operator, scrap).statusCode()).isEqualTo(403);
            HttpResponse<String> stale = platform.post(path + "/disposition", staleManager, scrap);
            assertThat(stale.statusCode()).isEqualTo(401);
            assertThat(stale.headers().firstValue("Content-Type").orElse("")).startsWith(RunningPlatform.PROBLEM_JSON);
            JsonNode reauthenticate = RunningPlatform.json(stale.body());
            assertThat(reauthenticate.path("title").asText()).isEqualTo("Re-authentication required");
            assertThat(reauthenticate.path("detail").asText()).contains("within the last 5 minutes")
                    .contains("--ttl 5m");
            HttpResponse<String> noExpiry = platform.post(path + "/disposition", manager, """
                    {"disposition": "CONCESSION", "justification": "Customer deviation D-17", "meaning": "approved"}
                    """);
            assertThat(noExpiry.statusCode()).isEqualTo(400);
            assertThat(RunningPlatform.json(noExpiry.body()).path("field").asText()).isEqualTo("concessionExpiresAt");
            assertThat(platform.post(path + "/disposition", manager, scrap).statusCode()).isEqualTo(200);
            assertThat(platform.post(path + "/disposition", manager, scrap).statusCode()).isEqualTo(409);

            assertThat(platform.post(path + "/close", manager, "{\"note\": \"Effective\"}").statusCode()).isEqualTo(200);
            assertThat(platform.post(path + "/root-cause", engineer,
                    "{\"rootCause\": \"Another cause\", \"method\": \"8D\"}").statusCode()).isEqualTo(409);

            JsonNode view = await().atMost(Duration.ofSeconds(30)).until(() -> platform.getJson(path, operator),
                    nc -> nc.path("status").asText().equals("CLOSED"));
            assertThat(view.path("source").asText()).isEqualTo("PERSON");
            assertThat(view.path("heldSerials")).extracting(JsonNode::asText).containsExactly("SN-1", "SN-2");
            assertThat(view.at("/rootCause/recordedBy").asText()).isEqualTo(platform.userId("qe-3"));
            assertThat(view.at("/correctiveActions/0/dueOn").asText()).isEqualTo("2026-12-01");
            assertThat(view.at("/disposition/disposition").asText()).isEqualTo("SCRAP");
            String signer = view.at("/disposition/signature/signerId").asText();
            assertThat(signer).isEqualTo(platform.userId("qm-7"));
            // The signature names a user id; the quality manager, who may, reads the name behind it.
            assertThat(platform.getJson("/api/v1/people/" + signer, manager).path("displayName").asText())
                    .isEqualTo("qm-7");
            assertThat(view.at("/disposition/signature/meaning").asText()).isEqualTo("approved disposition SCRAP");
            assertThat(view.at("/disposition/signature/authenticatedAt").isTextual()).isTrue();
            assertThat(view.path("closedBy").asText()).isEqualTo(platform.userId("qm-7"));
            assertThat(platform.getJson("/api/v1/nonconformances?status=CLOSED&machineId=mill-01", operator))
                    .extracting(nc -> nc.path("nonConformanceId").asText()).containsExactly(ncr);
            assertThat(platform.getJson("/api/v1/nonconformances?status=OPEN", operator)).isEmpty();

            assertThat(platform.get("/api/v1/nonconformances/NCR-20261125-000000", operator).statusCode())
                    .isEqualTo(404);
            assertThat(platform.post("/api/v1/nonconformances/NCR-20261125-000000/root-cause", engineer,
                    "{\"rootCause\": \"x\", \"method\": \"5 why\"}").statusCode()).isEqualTo(404);
        }
    }
}
