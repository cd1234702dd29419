package io.cncvision.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.cncvision.api.CommandOutcome;
import io.cncvision.api.characteristic.DefineCharacteristic;
import io.cncvision.api.characteristic.RecordMeasurement;
import io.cncvision.api.machine.RegisterMachine;
import io.cncvision.api.value.CharacteristicId;
import io.cncvision.api.value.ChartType;
import io.cncvision.api.value.GaugeId;
import io.cncvision.api.value.MachineId;
import io.cncvision.api.value.Protocol;
import io.cncvision.api.value.Serial;
import io.cncvision.api.value.SourceMessageId;
import io.cncvision.api.value.Specification;
import io.cncvision.app.people.UserIds;
import io.cncvision.app.security.Role;
import io.cncvision.app.security.SecurityConfiguration;
import io.cncvision.app.security.SigningKeyStore;
import io.cncvision.app.security.TokenIssuer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.ResultMatcher;

/**
 * The command endpoints with the real security configuration and error mapping, and a mocked command
 * gateway in place of the aggregates: who may send what, and how every failure is answered.
 */
@WebMvcTest(controllers = {MachineCommandController.class, CharacteristicCommandController.class,
        PartCommandController.class})
@Import({SecurityConfiguration.class, CommandSender.class, CommandApiTest.FixedClock.class})
class CommandApiTest {

    static final Instant NOW = Instant.parse("2026-11-25T10:15:30Z");
    static final Path DATA_DIR = temporaryDirectory();

    static final String MACHINE = """
            {"machineId": "mill-01", "name": "Lathe 1", "protocol": "opcua", "endpoint": "opc.tcp://127.0.0.1:4840"}""";
    static final String CHARACTERISTIC = """
            {"characteristicId": "pn1234-bore", "partNumber": "PN-1234", "name": "Bore diameter",
             "unit": "mm", "nominal": 12.0, "lsl": 11.98, "usl": 12.02, "subgroupSize": 5, "chart": "xbar-r"}""";
    static final String MEASUREMENT = """
            {"value": 12.003, "partSerial": "S-000001", "gaugeId": "cam-1",
             "observedAt": "2026-11-25T10:00:00Z", "sourceMessageId": "cam-1/000001"}""";

    @TestConfiguration
    static class FixedClock {
        @Bean
        Clock clock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }

        /** A person's user id in these tests: {@code u-} and the token's subject, so that an assertion can say whose. */
        @Bean
        UserIds userIds() {
            return (issuer, subject, displayName) -> "u-" + subject;
        }
    }

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        registry.add("cncvision.data-dir", DATA_DIR::toString);
    }

    @Autowired
    MockMvc mvc;

    @MockitoBean
    CommandGateway gateway;

    // --- authentication: 401 ---

    @Test
    void aCommandWithoutATokenIsUnauthorizedWithABearerChallengeAndAProblem() throws Exception {
        mvc.perform(post("/api/v1/machines").contentType(MediaType.APPLICATION_JSON).content(MACHINE))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", startsWith("Bearer")))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(401))
                .andExpect(jsonPath("$.title").value("Unauthorized"))
                .andExpect(jsonPath("$.detail", containsString("bearer token is required")))
                .andExpect(jsonPath("$.instance").value("/api/v1/machines"));
        verifyNoInteractions(gateway);
    }

    @Test
    void aQueryWithoutATokenIsUnauthorizedToo() throws Exception {
        mvc.perform(get("/api/v1/machines"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/v1/audit/events").param("aggregateId", "mill-01"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void anExpiredTokenIsUnauthorizedAndTheChallengeSaysWhy() throws Exception {
        TokenIssuer issuer = new TokenIssuer(new SigningKeyStore(DATA_DIR).loadOrCreate(),
                Clock.fixed(Instant.now().minus(Duration.ofHours(3)), ZoneOffset.UTC));
        String expired = issuer.issue("alice", List.of(Role.ADMIN), Duration.ofHours(1));

        send("/api/v1/machines", MACHINE, expired)
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", allOf(startsWith("Bearer"), containsString("invalid_token"))))
                .andExpect(jsonPath("$.detail", containsString("expired")));
        verifyNoInteractions(gateway);
    }

    @Test
    void aTokenSignedWithAnotherKeyIsUnauthorized() throws Exception {
        TokenIssuer stranger = new TokenIssuer(new SigningKeyStore(temporaryDirectory()).loadOrCreate(), Clock.systemUTC());

        send("/api/v1/machines", MACHINE, stranger.issue("mallory", List.of(Role.ADMIN), Duration.ofHours(1)))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        verifyNoInteractions(gateway);
    }

    @Test
    void aGarbledTokenIsUnauthorized() throws Exception {
        send("/api/v1/machines", MACHINE, "not.a.jwt").andExpect(status().isUnauthorized());
    }

    // --- authorization: 403 ---

    @ParameterizedTest(name = "AUDITOR may not POST {0}")
    @CsvSource({
            "/api/v1/machines",
            "/api/v1/machines/mill-01/state",
            "/api/v1/machines/mill-01/alarms",
            "/api/v1/machines/mill-01/alarms/SP-1021/clear",
            "/api/v1/machines/mill-01/cycles",
            "/api/v1/characteristics",
            "/api/v1/characteristics/pn1234-bore/specification",
            "/api/v1/characteristics/pn1234-bore/measurements",
            "/api/v1/gauges/cam-1/calibrations",
            "/api/v1/parts",
            "/api/v1/parts/S-000001/inspections",
            "/api/v1/parts/S-000001/disposition"})
    void anAuditorSendsNoCommand(String path) throws Exception {
        send(path, "{}", token("carol", Role.AUDITOR))
                .andExpect(status().isForbidden())
                .andExpect(header().string("WWW-Authenticate", containsString("insufficient_scope")))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(403))
                .andExpect(jsonPath("$.detail", containsString("'u-carol' (roles: AUDITOR)")));
        verifyNoInteractions(gateway);
    }

    @Test
    void anAuditorMayRead() throws Exception {
        // No query controller in this slice: getting past security to "no such handler" is the point.
        mvc.perform(get("/api/v1/audit/events").header("Authorization", "Bearer " + token("carol", Role.AUDITOR)))
                .andExpect(status().isNotFound());
    }

    @Test
    void anOperatorMayNotDefineACharacteristicAndIsToldWhoMay() throws Exception {
        send("/api/v1/characteristics", CHARACTERISTIC, token("olga", Role.OPERATOR))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value("POST /api/v1/characteristics needs one of the roles "
                        + "QUALITY_ENGINEER, QUALITY_MANAGER, ADMIN; 'u-olga' (roles: OPERATOR) has none of them"));
        verifyNoInteractions(gateway);
    }

    @Test
    void anAdminMayNotDispositionAPartOnlyQualityPeopleMay() throws Exception {
        send("/api/v1/parts/S-000001/disposition", "{\"disposition\": \"SCRAP\", \"reason\": \"x\"}", token("root", Role.ADMIN))
                .andExpect(status().isForbidden());
        recorded(CommandOutcome.RECORDED);
        send("/api/v1/parts/S-000001/disposition", "{\"disposition\": \"SCRAP\", \"reason\": \"x\"}",
                token("quinn", Role.QUALITY_MANAGER))
                .andExpect(status().isOk());
    }

    @Test
    void aTokenWhoseRolesAreAllUnknownMayNotSendCommands() throws Exception {
        String token = new TokenIssuer(new SigningKeyStore(DATA_DIR).loadOrCreate(), Clock.systemUTC())
                .issue("ghost", List.of(), Duration.ofMinutes(5));

        send("/api/v1/machines/mill-01/state", "{\"state\": \"RUNNING\"}", token)
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail", containsString("(roles: none)")));
    }

    @Test
    void aWriteThatNoRuleListsIsRefusedToEveryone() throws Exception {
        mvc.perform(put("/api/v1/machines/mill-01").header("Authorization", "Bearer " + token("root", Role.ADMIN))
                        .contentType(MediaType.APPLICATION_JSON).content(MACHINE))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail", containsString("is not open to any role")));
        mvc.perform(put("/api/v1/machines/mill-01").contentType(MediaType.APPLICATION_JSON).content(MACHINE))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void actuatorEndpointsOtherThanHealthAndPrometheusAreForAdministrators() throws Exception {
        mvc.perform(get("/actuator/env")).andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/env").header("Authorization", "Bearer " + token("olga", Role.OPERATOR)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/actuator/env").header("Authorization", "Bearer " + token("root", Role.ADMIN)))
                .andExpect(status().isNotFound());
        // Public: no actuator in this slice, so past security means 404.
        mvc.perform(get("/actuator/health")).andExpect(status().isNotFound());
        mvc.perform(get("/actuator/health/liveness")).andExpect(status().isNotFound());
        mvc.perform(get("/actuator/prometheus")).andExpect(status().isNotFound());
        mvc.perform(get("/v3/api-docs")).andExpect(status().isNotFound());
    }

    // --- commands that succeed ---

    @Test
    void registeringAMachineAnswersCreatedWithItsLocation() throws Exception {
        AtomicReference<String> principal = new AtomicReference<>();
        doAnswer(invocation -> {
            principal.set(SecurityContextHolder.getContext().getAuthentication().getName());
            return new MachineId("mill-01");
        }).when(gateway).sendAndWait(any(), anyLong(), any(TimeUnit.class));

        send("/api/v1/machines", MACHINE, token("alice", Role.QUALITY_MANAGER))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "http://localhost/api/v1/machines/mill-01"))
                .andExpect(jsonPath("$.outcome").value("RECORDED"));

        assertThat(sentCommand()).isEqualTo(new RegisterMachine(new MachineId("mill-01"), "Lathe 1", Protocol.OPCUA,
                "opc.tcp://127.0.0.1:4840"));
        assertThat(principal.get()).isEqualTo("u-alice");
    }

    @Test
    void definingACharacteristicAnswersCreated() throws Exception {
        recorded(new CharacteristicId("pn1234-bore"));

        send("/api/v1/characteristics", CHARACTERISTIC, token("erin", Role.QUALITY_ENGINEER))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "http://localhost/api/v1/characteristics/pn1234-bore"));

        assertThat(sentCommand()).isEqualTo(new DefineCharacteristic(new CharacteristicId("pn1234-bore"), "PN-1234",
                "Bore diameter", new Specification("mm", 12.0, 11.98, 12.02), 5, ChartType.XBAR_R));
    }

    @Test
    void aMeasurementAnswersItsOutcome() throws Exception {
        recorded(CommandOutcome.DUPLICATE);

        send("/api/v1/characteristics/pn1234-bore/measurements", MEASUREMENT, token("cam-1", Role.MACHINE))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.outcome").value("DUPLICATE"));

        assertThat(sentCommand()).isEqualTo(new RecordMeasurement(new CharacteristicId("pn1234-bore"), 12.003,
                new Serial("S-000001"), new GaugeId("cam-1"), Instant.parse("2026-11-25T10:00:00Z"),
                new SourceMessageId("cam-1/000001")));
    }

    @Test
    void aMeasurementWithoutObservationTimeIsObservedNow() throws Exception {
        recorded(CommandOutcome.RECORDED);

        send("/api/v1/characteristics/pn1234-bore/measurements", "{\"value\": 12.01, \"gaugeId\": \"caliper-7\"}",
                token("olga", Role.OPERATOR))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").value("RECORDED"));

        assertThat(((RecordMeasurement) sentCommand()).observedAt()).isEqualTo(NOW);
    }

    @Test
    void clearingAnAlarmNeedsNoBody() throws Exception {
        recorded(CommandOutcome.UNCHANGED);

        mvc.perform(post("/api/v1/machines/mill-01/alarms/SP-1021/clear")
                        .header("Authorization", "Bearer " + token("plc", Role.MACHINE)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").value("UNCHANGED"));
    }

    @Test
    void producingAPartAgainWithTheSameSourceMessageIsADuplicateNotACreation() throws Exception {
        String part = "{\"serial\": \"S-000001\", \"partNumber\": \"PN-1234\", \"machineId\": \"mill-01\", "
                + "\"sourceMessageId\": \"mill-01/cycle/1\"}";
        recorded(CommandOutcome.RECORDED);
        send("/api/v1/parts", part, token("plc", Role.MACHINE))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "http://localhost/api/v1/parts/S-000001"));

        recorded(CommandOutcome.DUPLICATE);
        send("/api/v1/parts", part, token("plc", Role.MACHINE))
                .andExpect(status().isOk())
                .andExpect(header().doesNotExist("Location"))
                .andExpect(jsonPath("$.outcome").value("DUPLICATE"));
    }

    // --- bad input: 400, naming the field or rule ---

    @Test
    void aNanNominalIsRefusedNamingTheField() throws Exception {
        send("/api/v1/characteristics", CHARACTERISTIC.replace("\"nominal\": 12.0", "\"nominal\": \"NaN\""), qualityEngineer())
                .andExpect(badRequest("nominal must be a finite number, not NaN"));
        verifyNoInteractions(gateway);
    }

    @Test
    void aBareNanIsMalformedJsonAndTheAnswerSaysWhere() throws Exception {
        send("/api/v1/characteristics", CHARACTERISTIC.replace("\"nominal\": 12.0", "\"nominal\": NaN"), qualityEngineer())
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail", allOf(startsWith("malformed JSON at line 2, column"),
                        containsString("field nominal"), containsString("NaN"))))
                .andExpect(jsonPath("$.field").value("nominal"));
        verifyNoInteractions(gateway);
    }

    @Test
    void aMissingNominalIsRefusedNamingTheField() throws Exception {
        send("/api/v1/characteristics", CHARACTERISTIC.replace("\"nominal\": 12.0, ", ""), qualityEngineer())
                .andExpect(badRequest("nominal is required"))
                .andExpect(jsonPath("$.field").value("nominal"));
        verifyNoInteractions(gateway);
    }

    @Test
    void limitsTheWrongWayRoundAreRefusedNamingTheRule() throws Exception {
        send("/api/v1/characteristics", CHARACTERISTIC.replace("\"lsl\": 11.98", "\"lsl\": 12.02")
                .replace("\"usl\": 12.02", "\"usl\": 11.98"), qualityEngineer())
                .andExpect(badRequest("lsl (12.02) must be below usl (11.98)"));
        send("/api/v1/characteristics", CHARACTERISTIC.replace("\"lsl\": 11.98", "\"lsl\": 12.02"), qualityEngineer())
                .andExpect(badRequest("lsl (12.02) must be below usl (12.02)"));
        verifyNoInteractions(gateway);
    }

    @Test
    void malformedJsonIsRefusedSayingWhere() throws Exception {
        send("/api/v1/machines", "{\"machineId\": \"mill-01\", \"name\": }", token("root", Role.ADMIN))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail", startsWith("malformed JSON at line 1, column 34 (field name): Unexpected character")));
        send("/api/v1/machines", "{\"machineId\": \"mill-01\"", token("root", Role.ADMIN))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("the body ends before the JSON does")));
        verifyNoInteractions(gateway);
    }

    @Test
    void aMissingBodyIsRefused() throws Exception {
        send("/api/v1/machines", "", token("root", Role.ADMIN))
                .andExpect(badRequest("a JSON request body is required"));
    }

    @Test
    void aValueOfTheWrongTypeIsRefusedNamingTheField() throws Exception {
        send("/api/v1/characteristics/pn1234-bore/measurements",
                MEASUREMENT.replace("\"2026-11-25T10:00:00Z\"", "\"yesterday\""), token("cam-1", Role.MACHINE))
                .andExpect(badRequest("observedAt: cannot read 'yesterday' as an ISO-8601 instant such as 2026-11-25T10:00:00Z"))
                .andExpect(jsonPath("$.field").value("observedAt"));
        send("/api/v1/characteristics/pn1234-bore/measurements",
                MEASUREMENT.replace("12.003", "\"twelve\""), token("cam-1", Role.MACHINE))
                .andExpect(badRequest("value: cannot read 'twelve' as a number"));
        send("/api/v1/characteristics/pn1234-bore/measurements",
                MEASUREMENT.replace("12.003", "[12.003]"), token("cam-1", Role.MACHINE))
                .andExpect(badRequest("value: expected a number"));
        verifyNoInteractions(gateway);
    }

    @Test
    void missingAndInvalidIdsAreRefusedNamingTheField() throws Exception {
        send("/api/v1/machines", MACHINE.replace("\"mill-01\"", "\"mill 01\""), token("root", Role.ADMIN))
                .andExpect(badRequest("machine id 'mill 01' must be 1-64 letters, digits, '.', '-' or '_', "
                        + "starting with a letter or digit"))
                .andExpect(jsonPath("$.field").value("machineId"));
        send("/api/v1/machines", "{\"name\": \"Lathe 1\", \"protocol\": \"opcua\"}", token("root", Role.ADMIN))
                .andExpect(badRequest("machineId is required"));
        send("/api/v1/machines", MACHINE.replace("opcua", "telepathy"), token("root", Role.ADMIN))
                .andExpect(badRequest("protocol 'telepathy' is not one of opcua, modbus, mtconnect, manual"))
                .andExpect(jsonPath("$.field").value("protocol"));
        send("/api/v1/machines/mill-01/state", "{\"state\": \"DANCING\"}", token("plc", Role.MACHINE))
                .andExpect(badRequest("state 'DANCING' is not one of OFFLINE, IDLE, RUNNING, STOPPED, ALARM, MAINTENANCE"));
        send("/api/v1/characteristics/pn1234-bore/measurements", "{\"value\": 12.0}", token("plc", Role.MACHINE))
                .andExpect(badRequest("gaugeId is required"));
        verifyNoInteractions(gateway);
    }

    @Test
    void aCommandRecordRefusingItsArgumentsIsABadRequest() throws Exception {
        send("/api/v1/machines", MACHINE.replace("\"Lathe 1\"", "\"  \""), token("root", Role.ADMIN))
                .andExpect(badRequest("name must not be blank"));
        send("/api/v1/characteristics", CHARACTERISTIC.replace("\"subgroupSize\": 5", "\"subgroupSize\": 1"),
                qualityEngineer())
                .andExpect(badRequest("subgroupSize must be 2-50 for an xbar-r chart, not 1"));
        verifyNoInteractions(gateway);
    }

    // --- refusals by the aggregates: 404, 409, 400 ---

    @Test
    void aCommandToAnUnknownMachineIsNotFoundNamingIt() throws Exception {
        doThrow(new AggregateNotFoundException("mill-99", "The aggregate was not found in the event store"))
                .when(gateway).sendAndWait(any(), anyLong(), any(TimeUnit.class));

        send("/api/v1/machines/mill-99/state", "{\"state\": \"RUNNING\"}", token("plc", Role.MACHINE))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("machine mill-99 is not registered"));
    }

    @Test
    void aMeasurementOfAnUndefinedCharacteristicIsNotFound() throws Exception {
        doThrow(new CompletionException(new AggregateNotFoundException("nope", "not found")))
                .when(gateway).sendAndWait(any(), anyLong(), any(TimeUnit.class));

        send("/api/v1/characteristics/nope/measurements", MEASUREMENT, token("cam-1", Role.MACHINE))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("characteristic nope is not defined"));
    }

    @Test
    void registeringAMachineTwiceIsAConflict() throws Exception {
        doThrow(new AggregateStreamCreationException("An event for aggregate [mill-01] at sequence [0] was already inserted"))
                .when(gateway).sendAndWait(any(), anyLong(), any(TimeUnit.class));

        send("/api/v1/machines", MACHINE, token("root", Role.ADMIN))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("machine mill-01 already exists"));
    }

    @Test
    void aRuleTheAggregateHoldsIsAConflictWithItsMessage() throws Exception {
        doThrow(new CommandExecutionException("wrapped",
                new IllegalStateException("part S-000001 is scrapped; its disposition is final")))
                .when(gateway).sendAndWait(any(), anyLong(), any(TimeUnit.class));

        send("/api/v1/parts/S-000001/disposition", "{\"disposition\": \"ACCEPT\", \"reason\": \"looks fine\"}",
                token("quinn", Role.QUALITY_MANAGER))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("part S-000001 is scrapped; its disposition is final"));
    }

    @Test
    void anArgumentTheAggregateRefusesIsABadRequest() throws Exception {
        doThrow(new IllegalArgumentException("specification.unit of characteristic pn1234-bore is mm; "
                + "a revision cannot change it to in (define a new characteristic instead)"))
                .when(gateway).sendAndWait(any(), anyLong(), any(TimeUnit.class));

        send("/api/v1/characteristics/pn1234-bore/specification",
                "{\"unit\": \"in\", \"nominal\": 0.47, \"lsl\": 0.46, \"usl\": 0.48, \"reason\": \"imperial\"}",
                qualityEngineer())
                .andExpect(badRequest("specification.unit of characteristic pn1234-bore is mm; "
                        + "a revision cannot change it to in (define a new characteristic instead)"));
    }

    @Test
    void aRefusalFromAnotherNodeThatCarriesOnlyItsMessageIsStillNamed() throws Exception {
        doThrow(new CommandExecutionException("The aggregate was not found in the event store", null))
                .when(gateway).sendAndWait(any(), anyLong(), any(TimeUnit.class));

        send("/api/v1/parts/S-404/inspections", "{\"result\": \"PASS\", \"gaugeId\": \"cam-1\"}", token("plc", Role.MACHINE))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("part S-404 has not been produced"));
    }

    @Test
    void anUnexpectedFailureIsAProblemWithoutInternals() throws Exception {
        doThrow(new UncheckedIOException(new IOException("disk on fire")))
                .when(gateway).sendAndWait(any(), anyLong(), any(TimeUnit.class));

        send("/api/v1/machines/mill-01/cycles", "{}", token("plc", Role.MACHINE))
                .andExpect(status().isInternalServerError())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("the command failed on the server; its log says why"));
    }

    private ResultActions send(String path, String json, String token) throws Exception {
        return mvc.perform(post(path).header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private static ResultMatcher badRequest(String detail) {
        return ResultMatcher.matchAll(
                status().isBadRequest(),
                content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON),
                jsonPath("$.status").value(400),
                jsonPath("$.detail").value(detail));
    }

    private void recorded(Object result) {
        doReturn(result).when(gateway).sendAndWait(any(), anyLong(), any(TimeUnit.class));
    }

    private Object sentCommand() {
        ArgumentCaptor<Object> command = ArgumentCaptor.forClass(Object.class);
        verify(gateway).sendAndWait(command.capture(), anyLong(), any(TimeUnit.class));
        return command.getValue();
    }

    private static String qualityEngineer() {
        return token("erin", Role.QUALITY_ENGINEER);
    }

    private static String token(String user, Role... roles) {
        return new TokenIssuer(new SigningKeyStore(DATA_DIR).loadOrCreate(), Clock.systemUTC())
                .issue(user, List.of(roles), Duration.ofMinutes(10));
    }

    private static Path temporaryDirectory() {
        try {
            Path directory = Files.createTempDirectory("cncvision-test");
            directory.toFile().deleteOnExit();
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
