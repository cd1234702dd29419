package io.cncvision.app.it;

import static io.cncvision.app.it.RunningPlatform.PROBLEM_JSON;
import static io.cncvision.app.it.RunningPlatform.json;
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
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The platform end to end, as a user meets it: the real application on its embedded PostgreSQL, commands
 * and queries over HTTP with signed tokens, refusals answered as problem+json with nothing written, and
 * a restart on the same data directory that finds every fact and rebuilds the aggregates from them.
 *
 * <p>One instance serves the whole class (each boot costs seconds), so the methods run in order and build
 * on each other like a shift on the shop floor; the restart comes last.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlatformIntegrationTest {

    private static final Duration READ_MODEL_WAIT = Duration.ofSeconds(20);

    private static final String MACHINE = "mill-01";
    private static final String CHARACTERISTIC = "pn1234-bore";
    private static final String MEASUREMENTS = "/api/v1/characteristics/" + CHARACTERISTIC + "/measurements";
    private static final String SERIAL = "S-000001";

    // Static: JUnit creates it before @BeforeAll and deletes it after @AfterAll has stopped the instance.
    @TempDir
    static Path dataDir;

    private RunningPlatform platform;

    private String admin;
    private String qualityEngineer;
    private String camera;
    private String operator;
    private String auditor;

    @BeforeAll
    void start() {
        platform = RunningPlatform.start(dataDir);
        issueTokens();
    }

    @AfterAll
    void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    private void issueTokens() {
        // Issued once: they must keep working across the restart, the signing key lives in the data directory.
        admin = platform.token("admin-ada", Role.ADMIN);
        qualityEngineer = platform.token("qe-quinn", Role.QUALITY_ENGINEER);
        camera = platform.token("cam-1", Role.MACHINE);
        operator = platform.token("op-otto", Role.OPERATOR);
        auditor = platform.token("aud-iris", Role.AUDITOR);
    }

    // ---------------------------------------------------------------- the happy path

    @Test
    @Order(1)
    void registersAMachineAsAdmin() {
        HttpResponse<String> response = platform.post("/api/v1/machines", admin, """
                {"machineId": "mill-01", "name": "Mill 1", "protocol": "opcua", "endpoint": "opc.tcp://127.0.0.1:4840"}
                """);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(json(response.body()).path("outcome").asText()).isEqualTo("RECORDED");
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/api/v1/machines/" + MACHINE));

        JsonNode machine = eventually(() -> platform.getJson("/api/v1/machines/" + MACHINE, auditor));
        assertThat(machine.path("name").asText()).isEqualTo("Mill 1");
        assertThat(machine.path("protocol").asText()).isEqualTo("opcua");
        assertThat(machine.path("endpoint").asText()).isEqualTo("opc.tcp://127.0.0.1:4840");
        assertThat(machine.path("state").asText()).isEqualTo("OFFLINE");
        assertThat(platform.getJson("/api/v1/machines", operator).findValuesAsText("machineId")).contains(MACHINE);
    }

    @Test
    @Order(2)
    void definesACharacteristicAsQualityEngineer() {
        HttpResponse<String> response = platform.post("/api/v1/characteristics", qualityEngineer, """
                {"characteristicId": "pn1234-bore", "partNumber": "PN-1234", "name": "Bore diameter", "unit": "mm",
                 "nominal": 12.0, "lsl": 11.98, "usl": 12.02, "subgroupSize": 5, "chart": "xbar-r"}
                """);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/api/v1/characteristics/" + CHARACTERISTIC));

        JsonNode characteristic = eventually(
                () -> platform.getJson("/api/v1/characteristics/" + CHARACTERISTIC, operator));
        assertThat(characteristic.path("partNumber").asText()).isEqualTo("PN-1234");
        assertThat(characteristic.path("unit").asText()).isEqualTo("mm");
        assertThat(characteristic.path("nominal").asDouble()).isEqualTo(12.0);
        assertThat(characteristic.path("lsl").asDouble()).isEqualTo(11.98);
        assertThat(characteristic.path("usl").asDouble()).isEqualTo(12.02);
        assertThat(characteristic.path("subgroupSize").asInt()).isEqualTo(5);
        assertThat(characteristic.path("chart").asText()).isEqualTo("xbar-r");
        assertThat(characteristic.path("measurementCount").asLong()).isZero();
        assertThat(platform.getJson("/api/v1/characteristics", auditor).findValuesAsText("characteristicId"))
                .contains(CHARACTERISTIC);
    }

    @Test
    @Order(3)
    void recordsMeasurementsFromMachinesAndOperators() {
        long before = platform.eventCount();

        assertRecorded(platform.post(MEASUREMENTS, camera, measurement(12.003, SERIAL, "10:00:00", "cam-1/000001")));
        // A client may name the correlation of what it sends: the event carries it.
        assertRecorded(platform.post(MEASUREMENTS, camera, measurement(11.998, SERIAL, "10:00:01", "cam-1/000002"),
                Map.of("X-Correlation-Id", "it-shift-7")));
        // A person typing a value sends no source message id.
        assertRecorded(platform.post(MEASUREMENTS, operator, measurement(12.001, SERIAL, "10:00:02", null)));
        assertRecorded(platform.post(MEASUREMENTS, camera, measurement(12.000, "S-000002", "10:00:03", "cam-1/000004")));

        // Four values in a subgroup of five: one MeasurementRecorded each, no subgroup complete yet.
        assertThat(platform.eventCount()).isEqualTo(before + 4);
        JsonNode characteristic = eventually(() -> {
            JsonNode view = platform.getJson("/api/v1/characteristics/" + CHARACTERISTIC, auditor);
            assertThat(view.path("measurementCount").asLong()).isEqualTo(4);
            return view;
        });
        assertThat(characteristic.path("lastValue").asDouble()).isEqualTo(12.000);
        assertThat(characteristic.path("outOfSpecificationCount").asLong()).isZero();
    }

    @Test
    @Order(4)
    void answersARepeatedSourceMessageIdWithDuplicateAndRecordsNothing() {
        long before = platform.eventCount();

        // The camera re-sends message 1 after a reconnect; even a different value must not count.
        HttpResponse<String> repeat = platform.post(MEASUREMENTS, camera,
                measurement(12.019, SERIAL, "10:00:00", "cam-1/000001"));

        assertThat(repeat.statusCode()).as(repeat.body()).isEqualTo(200);
        assertThat(json(repeat.body()).path("outcome").asText()).isEqualTo("DUPLICATE");
        assertThat(platform.eventCount()).isEqualTo(before);
        assertThat(platform.auditEvents(CHARACTERISTIC, auditor))
                .extracting(event -> event.path("payload").path("value").asDouble())
                .doesNotContain(12.019);
    }

    @Test
    @Order(5)
    void reportsMachineStateOnceAndIgnoresRepeats() {
        String path = "/api/v1/machines/" + MACHINE + "/state";
        long before = platform.eventCount();

        assertRecorded(platform.post(path, operator,
                "{\"state\": \"RUNNING\", \"observedAt\": \"2026-11-25T09:59:00Z\", \"sourceMessageId\": \"opcua/mill-01/1\"}"));
        assertOutcome(platform.post(path, camera,
                "{\"state\": \"RUNNING\", \"sourceMessageId\": \"opcua/mill-01/2\"}"), "UNCHANGED");
        assertOutcome(platform.post(path, camera,
                "{\"state\": \"STOPPED\", \"sourceMessageId\": \"opcua/mill-01/1\"}"), "DUPLICATE");

        assertThat(platform.eventCount()).isEqualTo(before + 1);
        eventually(() -> {
            JsonNode machine = platform.getJson("/api/v1/machines/" + MACHINE, operator);
            assertThat(machine.path("state").asText()).isEqualTo("RUNNING");
            assertThat(Instant.parse(machine.path("stateSince").asText())).isEqualTo("2026-11-25T09:59:00Z");
            return machine;
        });
    }

    @Test
    @Order(6)
    void producesAPartWhoseGenealogyHoldsItsMeasurements() {
        HttpResponse<String> produced = platform.post("/api/v1/parts", camera, """
                {"serial": "S-000001", "partNumber": "PN-1234", "machineId": "mill-01", "program": "O1234",
                 "toolId": "T05", "lot": "LOT-2026-11-25", "producedAt": "2026-11-25T09:59:30Z",
                 "sourceMessageId": "mill-01/cycle/1"}
                """);
        assertThat(produced.statusCode()).as(produced.body()).isEqualTo(201);
        assertThat(produced.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/api/v1/parts/" + SERIAL));

        JsonNode genealogy = eventually(() -> {
            JsonNode part = platform.getJson("/api/v1/parts/" + SERIAL, auditor);
            assertThat(part.path("machineId").asText()).isEqualTo(MACHINE);
            assertThat(part.path("measurements")).hasSize(3);
            return part;
        });
        assertThat(genealogy.path("serial").asText()).isEqualTo(SERIAL);
        assertThat(genealogy.path("partNumber").asText()).isEqualTo("PN-1234");
        assertThat(genealogy.path("program").asText()).isEqualTo("O1234");
        assertThat(genealogy.path("toolId").asText()).isEqualTo("T05");
        assertThat(genealogy.path("lot").asText()).isEqualTo("LOT-2026-11-25");
        assertThat(genealogy.path("disposition").asText()).isEqualTo("PENDING");
        // Only this serial's values, in the order they were measured; S-000002's value is not here.
        assertThat(genealogy.path("measurements")).extracting(m -> m.path("value").asDouble())
                .containsExactly(12.003, 11.998, 12.001);
        assertThat(genealogy.path("measurements")).allSatisfy(m -> {
            assertThat(m.path("characteristicId").asText()).isEqualTo(CHARACTERISTIC);
            assertThat(m.path("unit").asText()).isEqualTo("mm");
            assertThat(m.path("outOfSpecification").asBoolean()).isFalse();
        });
        assertThat(genealogy.path("measurements").get(0).path("gaugeId").asText()).isEqualTo("cam-1");
        assertThat(Instant.parse(genealogy.path("measurements").get(0).path("observedAt").asText()))
                .isEqualTo("2026-11-25T10:00:00Z");
    }

    @Test
    @Order(7)
    void auditLogListsEachAggregatesEventsInOrderWithWhoWhyAndWhence() {
        List<JsonNode> events = platform.auditEvents(CHARACTERISTIC, auditor);

        assertThat(events).extracting(event -> event.path("type").asText()).containsExactly(
                "CharacteristicDefined", "MeasurementRecorded", "MeasurementRecorded", "MeasurementRecorded",
                "MeasurementRecorded");
        assertWellFormedStream(events, CHARACTERISTIC);
        assertThat(events).extracting(event -> event.path("metadata").path("principal").asText())
                .containsExactly(platform.userId("qe-quinn"), "cam-1", "cam-1", platform.userId("op-otto"), "cam-1");
        // A person is recorded by user id, a machine by its own; the auditor reads the name behind an id.
        assertThat(platform.getJson("/api/v1/people/" + platform.userId("qe-quinn"), auditor).path("displayName")
                .asText()).isEqualTo("qe-quinn");
        assertThat(events.get(1).path("metadata").path("roles")).extracting(JsonNode::asText).containsExactly("MACHINE");

        JsonNode first = events.get(1).path("payload");
        assertThat(first.path("characteristicId").asText()).isEqualTo(CHARACTERISTIC);
        assertThat(first.path("value").asDouble()).isEqualTo(12.003);
        assertThat(first.path("partSerial").asText()).isEqualTo(SERIAL);
        assertThat(first.path("gaugeId").asText()).isEqualTo("cam-1");
        assertThat(first.path("sourceMessageId").asText()).isEqualTo("cam-1/000001");
        assertThat(first.path("subgroup").asLong()).isEqualTo(1);
        assertThat(Instant.parse(first.path("observedAt").asText())).isEqualTo("2026-11-25T10:00:00Z");

        // Each event names the command that caused it; a command with no correlation id of its own starts one.
        Set<String> causes = new HashSet<>();
        for (JsonNode event : events) {
            causes.add(event.path("metadata").path("causationId").asText());
        }
        assertThat(causes).hasSize(events.size());
        assertThat(events.get(1).path("metadata").path("correlationId").asText())
                .isEqualTo(events.get(1).path("metadata").path("causationId").asText());
        assertThat(events.get(2).path("metadata").path("correlationId").asText()).isEqualTo("it-shift-7");
        assertThat(events.get(2).path("metadata").path("causationId").asText()).isNotEqualTo("it-shift-7");

        List<JsonNode> machineEvents = platform.auditEvents(MACHINE, auditor);
        assertThat(machineEvents).extracting(event -> event.path("type").asText())
                .containsExactly("MachineRegistered", "MachineStateChanged");
        assertWellFormedStream(machineEvents, MACHINE);
        assertThat(machineEvents).extracting(event -> event.path("metadata").path("principal").asText())
                .containsExactly(platform.userId("admin-ada"), platform.userId("op-otto"));

        // Paging by global index: after the first event, the rest.
        long firstIndex = events.get(0).path("globalIndex").asLong();
        JsonNode page = platform.getJson("/api/v1/audit/events?aggregateId=" + CHARACTERISTIC + "&after=" + firstIndex
                + "&limit=2", auditor);
        assertThat(page).extracting(event -> event.path("globalIndex").asLong()).containsExactly(
                events.get(1).path("globalIndex").asLong(), events.get(2).path("globalIndex").asLong());
    }

    // ---------------------------------------------------------------- refusals: nothing is written

    @Test
    @Order(8)
    void aCameraInspectionNamesItsMeasurementsDefectsImageCalibrationAndModelInTheGenealogy() {
        String image = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
        String model = "60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752";
        HttpResponse<String> inspected = platform.post("/api/v1/parts/" + SERIAL + "/inspections", camera, """
                {"result": "FAIL", "gaugeId": "cam-1", "observedAt": "2026-11-25T10:00:02Z",
                 "sourceMessageId": "camera:cam-1/frame:000001/inspection",
                 "measurements": [{"feature": "bore-diameter", "value": 12.003, "unit": "mm"}],
                 "defects": [{"defectClass": "scratches", "confidence": 0.97,
                              "box": {"x": 410, "y": 220, "width": 64, "height": 18}}],
                 "imageSha256": "%s", "calibrationId": "cam-1-20261125", "modelSha256": "%s"}
                """.formatted(image, model));
        assertRecorded(inspected);

        JsonNode inspection = eventually(() -> {
            JsonNode part = platform.getJson("/api/v1/parts/" + SERIAL, auditor);
            assertThat(part.path("inspections")).hasSize(1);
            return part.path("inspections").get(0);
        });
        assertThat(inspection.path("result").asText()).isEqualTo("FAIL");
        assertThat(inspection.path("measurements").get(0).path("feature").asText()).isEqualTo("bore-diameter");
        assertThat(inspection.path("measurements").get(0).path("value").asDouble()).isEqualTo(12.003);
        assertThat(inspection.path("defects").get(0).path("defectClass").asText()).isEqualTo("scratches");
        assertThat(inspection.path("defects").get(0).path("box").path("width").asInt()).isEqualTo(64);
        assertThat(inspection.path("imageSha256").asText()).isEqualTo(image);
        assertThat(inspection.path("calibrationId").asText()).isEqualTo("cam-1-20261125");
        assertThat(inspection.path("modelSha256").asText()).isEqualTo(model);
    }

    @Test
    @Order(10)
    void refusesRequestsWithoutAValidTokenWith401() {
        refused(401, () -> platform.post(MEASUREMENTS, null, measurement(12.0, SERIAL, "10:01:00", "cam-1/401")));
        refused(401, () -> platform.post(MEASUREMENTS, "not-a-jwt", measurement(12.0, SERIAL, "10:01:00", "cam-1/401")));
        // A token signed with another instance's key is no token here.
        String foreign = new TokenIssuer(new SigningKeyStore(dataDir.resolve("elsewhere")).loadOrCreate(),
                Clock.systemUTC()).issue("mallory", List.of(Role.ADMIN), Duration.ofHours(1));
        refused(401, () -> platform.post("/api/v1/machines", foreign,
                "{\"machineId\": \"mill-66\", \"name\": \"Mill 66\", \"protocol\": \"manual\"}"));
        refused(401, () -> platform.get("/api/v1/machines", null));
        refused(401, () -> platform.get("/api/v1/audit/events?aggregateId=" + CHARACTERISTIC, null));
        // Health stays public, for load balancers and the launcher.
        assertThat(platform.get("/actuator/health", null).statusCode()).isEqualTo(200);
    }

    @Test
    @Order(11)
    void refusesCommandsOutsideTheCallersRolesWith403() {
        // An auditor reads, never acts.
        refused(403, () -> platform.post(MEASUREMENTS, auditor, measurement(12.0, SERIAL, "10:02:00", "aud/1")));
        refused(403, () -> platform.post("/api/v1/machines", auditor,
                "{\"machineId\": \"mill-02\", \"name\": \"Mill 2\", \"protocol\": \"manual\"}"));
        // Defining the control plan is for quality engineers, not operators.
        refused(403, () -> platform.post("/api/v1/characteristics", operator,
                characteristic("pn1234-depth", 8.0, 7.9, 8.1)));

        assertThat(platform.get("/api/v1/audit/events?aggregateId=" + CHARACTERISTIC, auditor).statusCode())
                .isEqualTo(200);
        assertThat(platform.get("/api/v1/characteristics/pn1234-depth", auditor).statusCode()).isEqualTo(404);
    }

    @Test
    @Order(12)
    void refusesNaNWith400ProblemJson() {
        // The literal NaN is not JSON at all.
        JsonNode literal = refused(400, () -> platform.post(MEASUREMENTS, camera, """
                {"value": NaN, "partSerial": "S-000001", "gaugeId": "cam-1", "sourceMessageId": "cam-1/nan-1"}
                """));
        assertThat(literal.path("detail").asText()).contains("NaN");
        assertThat(literal.path("field").asText()).isEqualTo("value");
        // The string "NaN" reads as a double; then the command refuses it.
        JsonNode text = refused(400, () -> platform.post(MEASUREMENTS, camera, """
                {"value": "NaN", "partSerial": "S-000001", "gaugeId": "cam-1", "sourceMessageId": "cam-1/nan-2"}
                """));
        assertThat(text.path("detail").asText()).contains("value").contains("finite");
        JsonNode infinite = refused(400, () -> platform.post(MEASUREMENTS, camera, """
                {"value": "Infinity", "partSerial": "S-000001", "gaugeId": "cam-1", "sourceMessageId": "cam-1/inf"}
                """));
        assertThat(infinite.path("detail").asText()).contains("value").contains("finite");
        JsonNode nominal = refused(400, () -> platform.post("/api/v1/characteristics", qualityEngineer, """
                {"characteristicId": "pn1234-nan", "partNumber": "PN-1234", "name": "NaN nominal", "unit": "mm",
                 "nominal": "NaN", "lsl": 11.98, "usl": 12.02, "subgroupSize": 5, "chart": "xbar-r"}
                """));
        assertThat(nominal.path("detail").asText()).contains("nominal");

        assertThat(platform.auditEvents(CHARACTERISTIC, auditor))
                .extracting(event -> event.path("payload").path("sourceMessageId").asText())
                .doesNotContain("cam-1/nan-1", "cam-1/nan-2", "cam-1/inf");
        assertThat(platform.get("/api/v1/characteristics/pn1234-nan", auditor).statusCode()).isEqualTo(404);
    }

    @Test
    @Order(13)
    void refusesLslNotBelowUslWith400() {
        JsonNode inverted = refused(400, () -> platform.post("/api/v1/characteristics", qualityEngineer,
                characteristic("pn1234-od", 20.0, 20.1, 19.9)));
        assertThat(inverted.path("detail").asText()).contains("lsl").contains("usl");
        JsonNode equal = refused(400, () -> platform.post("/api/v1/characteristics", qualityEngineer,
                characteristic("pn1234-od", 20.0, 20.0, 20.0)));
        assertThat(equal.path("detail").asText()).contains("lsl").contains("usl");

        assertThat(platform.get("/api/v1/characteristics/pn1234-od", auditor).statusCode()).isEqualTo(404);
    }

    @Test
    @Order(14)
    void refusesMalformedJsonAndMissingFieldsWith400() {
        JsonNode truncated = refused(400, () -> platform.post(MEASUREMENTS, camera,
                "{\"value\": 12.0, \"gaugeId\": \"cam-1\""));
        assertThat(truncated.path("detail").asText()).contains("malformed JSON");
        JsonNode garbage = refused(400, () -> platform.post("/api/v1/machines", admin, "{machineId: mill-03}"));
        assertThat(garbage.path("detail").asText()).contains("malformed JSON");
        JsonNode wrongType = refused(400, () -> platform.post(MEASUREMENTS, camera,
                "{\"value\": \"twelve\", \"gaugeId\": \"cam-1\"}"));
        assertThat(wrongType.path("field").asText()).isEqualTo("value");
        JsonNode missing = refused(400, () -> platform.post(MEASUREMENTS, camera,
                "{\"gaugeId\": \"cam-1\", \"sourceMessageId\": \"cam-1/missing\"}"));
        assertThat(missing.path("field").asText()).isEqualTo("value");
        refused(400, () -> platform.post(MEASUREMENTS, camera, ""));
    }

    @Test
    @Order(15)
    void answersUnknownAggregatesWith404() {
        JsonNode machine = refused(404, () -> platform.post("/api/v1/machines/mill-99/state", operator,
                "{\"state\": \"RUNNING\", \"sourceMessageId\": \"opcua/mill-99/1\"}"));
        assertThat(machine.path("detail").asText()).contains("mill-99");
        JsonNode characteristic = refused(404, () -> platform.post("/api/v1/characteristics/pn9999-bore/measurements",
                camera, measurement(12.0, SERIAL, "10:03:00", "cam-1/404")));
        assertThat(characteristic.path("detail").asText()).contains("pn9999-bore");

        refused(404, () -> platform.get("/api/v1/machines/mill-99", auditor));
        refused(404, () -> platform.get("/api/v1/parts/S-999999", auditor));
    }

    @Test
    @Order(16)
    void refusesADuplicateRegistrationWith409AndKeepsTheMachine() {
        JsonNode conflict = refused(409, () -> platform.post("/api/v1/machines", admin,
                "{\"machineId\": \"mill-01\", \"name\": \"Impostor\", \"protocol\": \"modbus\"}"));
        assertThat(conflict.path("detail").asText()).contains(MACHINE);
        JsonNode again = refused(409, () -> platform.post("/api/v1/characteristics", qualityEngineer,
                characteristic(CHARACTERISTIC, 12.0, 11.9, 12.1)));
        assertThat(again.path("detail").asText()).contains(CHARACTERISTIC);

        // The refused registration left the machine as it was: same name, and its state still RUNNING.
        assertThat(platform.getJson("/api/v1/machines/" + MACHINE, auditor).path("name").asText()).isEqualTo("Mill 1");
        expectNothingRecorded(() -> assertOutcome(platform.post("/api/v1/machines/" + MACHINE + "/state", operator,
                "{\"state\": \"RUNNING\", \"sourceMessageId\": \"opcua/mill-01/3\"}"), "UNCHANGED"));
    }

    // ---------------------------------------------------------------- restart

    @Test
    @Order(20)
    void keepsEveryFactAcrossARestartAndRebuildsTheAggregates() {
        List<JsonNode> characteristicEventsBefore = platform.auditEvents(CHARACTERISTIC, auditor);
        List<JsonNode> machineEventsBefore = platform.auditEvents(MACHINE, auditor);
        long eventsBefore = platform.eventCount();

        platform.close();
        platform = RunningPlatform.start(dataDir);
        // The tokens issued before the restart stay in use: the signing key lives in the data directory.

        assertThat(platform.eventCount()).isEqualTo(eventsBefore);
        assertThat(platform.auditEvents(CHARACTERISTIC, auditor)).isEqualTo(characteristicEventsBefore);
        assertThat(platform.auditEvents(MACHINE, auditor)).isEqualTo(machineEventsBefore);

        JsonNode machine = eventually(() -> platform.getJson("/api/v1/machines/" + MACHINE, auditor));
        assertThat(machine.path("name").asText()).isEqualTo("Mill 1");
        assertThat(machine.path("state").asText()).isEqualTo("RUNNING");
        JsonNode characteristic = eventually(() -> platform.getJson("/api/v1/characteristics/" + CHARACTERISTIC, auditor));
        assertThat(characteristic.path("usl").asDouble()).isEqualTo(12.02);
        assertThat(characteristic.path("measurementCount").asLong()).isEqualTo(4);
        assertThat(eventually(() -> platform.getJson("/api/v1/parts/" + SERIAL, auditor)).path("measurements"))
                .hasSize(3);

        // The Machine aggregate was rebuilt from its events, not started afresh: RUNNING is still its state.
        expectNothingRecorded(() -> assertOutcome(platform.post("/api/v1/machines/" + MACHINE + "/state", operator,
                "{\"state\": \"RUNNING\", \"sourceMessageId\": \"opcua/mill-01/4\"}"), "UNCHANGED"));
        // The Characteristic remembers which messages it recorded.
        expectNothingRecorded(() -> assertOutcome(platform.post(MEASUREMENTS, camera,
                measurement(12.010, SERIAL, "10:00:01", "cam-1/000002")), "DUPLICATE"));

        // The fifth value completes subgroup 1, whose first four values were recorded before the restart.
        assertRecorded(platform.post(MEASUREMENTS, camera, measurement(12.002, "S-000003", "10:00:04", "cam-1/000005")));
        assertThat(platform.eventCount()).isEqualTo(eventsBefore + 2);
        // The sixth opens subgroup 2.
        assertRecorded(platform.post(MEASUREMENTS, camera, measurement(12.004, "S-000003", "10:00:05", "cam-1/000006")));
        assertThat(platform.eventCount()).isEqualTo(eventsBefore + 3);

        List<JsonNode> events = platform.auditEvents(CHARACTERISTIC, auditor);
        assertWellFormedStream(events, CHARACTERISTIC);
        assertThat(events).hasSize(characteristicEventsBefore.size() + 3);
        List<JsonNode> added = events.subList(characteristicEventsBefore.size(), events.size());
        assertThat(added).extracting(event -> event.path("type").asText())
                .containsExactly("MeasurementRecorded", "SubgroupCompleted", "MeasurementRecorded");
        assertThat(added.get(0).path("sequence").asLong()).isEqualTo(characteristicEventsBefore.size());
        assertThat(added.get(0).path("payload").path("subgroup").asLong()).isEqualTo(1);
        JsonNode completed = added.get(1).path("payload");
        assertThat(completed.path("subgroup").asLong()).isEqualTo(1);
        assertThat(completed.path("values")).extracting(JsonNode::asDouble)
                .containsExactly(12.003, 11.998, 12.001, 12.000, 12.002);
        assertThat(completed.path("mean").asDouble()).isCloseTo(12.0008, Offset.offset(1e-9));
        assertThat(completed.path("range").asDouble()).isCloseTo(0.005, Offset.offset(1e-9));
        assertThat(added.get(2).path("payload").path("subgroup").asLong()).isEqualTo(2);
        // One command caused both the measurement and the subgroup it completed.
        assertThat(added.get(1).path("metadata").path("causationId").asText())
                .isEqualTo(added.get(0).path("metadata").path("causationId").asText());

        eventually(() -> {
            JsonNode view = platform.getJson("/api/v1/characteristics/" + CHARACTERISTIC, auditor);
            assertThat(view.path("measurementCount").asLong()).isEqualTo(6);
            return view;
        });
    }

    // ---------------------------------------------------------------- helpers

    private static String measurement(double value, String serial, String time, String sourceMessageId) {
        return "{\"value\": " + value + ", \"partSerial\": \"" + serial + "\", \"gaugeId\": \"cam-1\", "
                + "\"observedAt\": \"2026-11-25T" + time + "Z\""
                + (sourceMessageId == null ? "" : ", \"sourceMessageId\": \"" + sourceMessageId + "\"") + "}";
    }

    private static String characteristic(String id, double nominal, double lsl, double usl) {
        return "{\"characteristicId\": \"" + id + "\", \"partNumber\": \"PN-1234\", \"name\": \"" + id + "\", "
                + "\"unit\": \"mm\", \"nominal\": " + nominal + ", \"lsl\": " + lsl + ", \"usl\": " + usl
                + ", \"subgroupSize\": 5, \"chart\": \"xbar-r\"}";
    }

    private static void assertRecorded(HttpResponse<String> response) {
        assertOutcome(response, "RECORDED");
    }

    private static void assertOutcome(HttpResponse<String> response, String outcome) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(json(response.body()).path("outcome").asText()).isEqualTo(outcome);
    }

    /** The response is an RFC 9457 problem with the status; its body. */
    private static JsonNode assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith(PROBLEM_JSON));
        JsonNode problem = json(response.body());
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("detail").asText()).as("problem detail").isNotBlank();
        return problem;
    }

    /**
     * Sends a request that must be refused: an RFC 9457 problem with the status, and not one event more in
     * the store than before it. The problem's body.
     */
    private JsonNode refused(int status, Supplier<HttpResponse<String>> request) {
        long before = platform.eventCount();
        JsonNode problem = assertProblem(request.get(), status);
        assertThat(platform.eventCount()).as("events in the store after a %d", status).isEqualTo(before);
        return problem;
    }

    /** Runs requests that record nothing and checks that the event store holds not one event more than before. */
    private void expectNothingRecorded(Runnable refusals) {
        long before = platform.eventCount();
        refusals.run();
        assertThat(platform.eventCount()).as("events in the store").isEqualTo(before);
    }

    /**
     * One aggregate's events as the audit API lists them: in global order, sequence numbers 0, 1, 2, ...,
     * each with a recording time and its JSON payload and metadata naming who, why and from where.
     */
    private static void assertWellFormedStream(List<JsonNode> events, String aggregateId) {
        long previousIndex = -1;
        Instant previousTime = Instant.EPOCH;
        for (int i = 0; i < events.size(); i++) {
            JsonNode event = events.get(i);
            assertThat(event.path("aggregateId").asText()).isEqualTo(aggregateId);
            assertThat(event.path("sequence").asLong()).as("sequence of event %d", i).isEqualTo(i);
            long globalIndex = event.path("globalIndex").asLong(-1);
            assertThat(globalIndex).as("globalIndex of event %d", i).isGreaterThan(previousIndex);
            previousIndex = globalIndex;
            assertThat(event.path("eventId").asText()).isNotBlank();
            Instant timestamp = Instant.parse(event.path("timestamp").asText());
            assertThat(timestamp).isAfterOrEqualTo(previousTime).isBeforeOrEqualTo(Instant.now());
            previousTime = timestamp;
            assertThat(event.path("payload").isObject()).as("payload is a JSON object: %s", event).isTrue();
            JsonNode metadata = event.path("metadata");
            assertThat(metadata.isObject()).as("metadata is a JSON object: %s", event).isTrue();
            assertThat(metadata.path("principal").asText()).isNotBlank();
            assertThat(metadata.path("correlationId").asText()).isNotBlank();
            assertThat(metadata.path("causationId").asText()).isNotBlank();
            assertThat(metadata.path("source").asText()).startsWith("api:");
        }
    }

    /** Read models follow the event store: ask until the assertion holds, within a bounded wait. */
    private static <T> T eventually(Supplier<T> read) {
        AtomicReference<T> value = new AtomicReference<>();
        await().atMost(READ_MODEL_WAIT).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                .untilAsserted(() -> value.set(read.get()));
        return value.get();
    }
}
