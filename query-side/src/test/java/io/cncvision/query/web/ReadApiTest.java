package io.cncvision.query.web;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.cncvision.api.characteristic.CharacteristicDefined;
import io.cncvision.api.characteristic.MeasurementRecorded;
import io.cncvision.api.machine.MachineRegistered;
import io.cncvision.api.machine.MachineStateChanged;
import io.cncvision.api.part.PartProduced;
import io.cncvision.api.value.CharacteristicId;
import io.cncvision.api.value.ChartType;
import io.cncvision.api.value.GaugeId;
import io.cncvision.api.value.MachineId;
import io.cncvision.api.value.MachineState;
import io.cncvision.api.value.Protocol;
import io.cncvision.api.value.Serial;
import io.cncvision.api.value.SourceMessageId;
import io.cncvision.api.value.Specification;
import io.cncvision.projection.characteristic.CharacteristicProjection;
import io.cncvision.projection.machine.MachineStatusProjection;
import io.cncvision.projection.part.PartGenealogyProjection;
import io.cncvision.projection.ReadModelSchema;
import io.cncvision.query.QueryDatabase;
import io.cncvision.query.asof.QueriesAsOf;
import io.cncvision.query.audit.AuditQueries;
import io.cncvision.query.characteristic.CharacteristicQueries;
import io.cncvision.query.machine.MachineQueries;
import io.cncvision.query.part.PartGenealogyQueries;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.axonframework.queryhandling.DefaultQueryGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.queryhandling.annotation.AnnotationQueryHandlerAdapter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/** The REST read API end to end: controller, Axon query gateway and bus, query handler, PostgreSQL. */
class ReadApiTest {

    private static final Instant T0 = Instant.parse("2026-11-25T08:00:00Z");
    private static final Instant T1 = Instant.parse("2026-11-25T08:05:00Z");
    private static final Instant NOW = Instant.parse("2026-11-25T09:00:00Z");
    /** Stands for a replay as of any instant: the machine table as it was before lathe-01 was registered. */
    private static final ReadModelSchema PAST = new ReadModelSchema("asof_read_api_test");

    private QueryDatabase database;
    private static MockMvc mvc;

    @BeforeAll
    static void startApi() {
        NamedParameterJdbcTemplate jdbc = QueryDatabase.shared().jdbc();
        SimpleQueryBus bus = SimpleQueryBus.builder().build();
        for (Object handler : List.of(new MachineQueries(jdbc), new CharacteristicQueries(jdbc),
                new PartGenealogyQueries(jdbc), new AuditQueries(jdbc))) {
            new AnnotationQueryHandlerAdapter<>(handler).subscribe(bus);
        }
        QueryGateway gateway = DefaultQueryGateway.builder().queryBus(bus).build();
        QueriesAsOf past = new QueriesAsOf(jdbc, Optional.of(asOf -> PAST), Optional.of(Clock.fixed(NOW, ZoneOffset.UTC)));
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        mvc = MockMvcBuilders
                .standaloneSetup(new MachineController(gateway, past), new CharacteristicController(gateway, past),
                        new PartController(gateway, past), new AuditController(gateway))
                .setControllerAdvice(new QueryProblems())
                .setMessageConverters(new MappingJackson2HttpMessageConverter(json))
                .build();
    }

    @BeforeEach
    void readModels() {
        database = QueryDatabase.cleared();
        MachineStatusProjection machines = new MachineStatusProjection(database.jdbc());
        MachineId mill = MachineId.of("mill-01");
        machines.on(new MachineRegistered(mill, "Mill 1", Protocol.OPCUA, "opc.tcp://mill-01:4840"), 0, T0);
        machines.on(new MachineStateChanged(mill, MachineState.OFFLINE, MachineState.RUNNING, T1,
                SourceMessageId.of("s1")), 1);
        machines.on(new MachineRegistered(MachineId.of("lathe-01"), "Lathe 1", Protocol.MTCONNECT, null), 0, T0);

        CharacteristicId bore = CharacteristicId.of("pn1234-bore");
        CharacteristicDefined defined = new CharacteristicDefined(bore, "PN-1234", "Bore diameter",
                new Specification("mm", 25.0, 24.95, 25.05), 5, ChartType.XBAR_R);
        MeasurementRecorded measured = new MeasurementRecorded(bore, 25.01, Serial.of("SN-1"), GaugeId.of("cam-01"),
                T1, SourceMessageId.of("m1"), 1);
        CharacteristicProjection characteristics = new CharacteristicProjection(database.jdbc());
        characteristics.on(defined, 0);
        characteristics.on(measured, 1);
        PartGenealogyProjection genealogy = new PartGenealogyProjection(database.jdbc());
        genealogy.on(defined, 0);
        genealogy.on(measured, 1);
        genealogy.on(new PartProduced(Serial.of("SN-1"), "PN-1234", mill, "O1000", "T12", "LOT-7", T0,
                SourceMessageId.of("p1")), 0);

        for (int n = 1; n <= 3; n++) {
            database.storeEvent("e" + n, "Machine", "mill-01", n - 1, "io.cncvision.api.machine.MachineStateChanged",
                    T0.plusSeconds(n), "{\"n\":" + n + ",\"to\":\"RUNNING\"}", "{\"principal\":\"opcua:mill-01\"}");
        }
        database.storeEvent("e4", "Machine", "lathe-01", 0, "io.cncvision.api.machine.MachineRegistered",
                T0.plusSeconds(4), "{\"n\":4}", "{}");
    }

    @Test
    void readsMachinesAsOfAnInstantFromThatInstantsSchema() throws Exception {
        JdbcTemplate jdbc = database.jdbc().getJdbcTemplate();
        jdbc.execute("DROP SCHEMA IF EXISTS " + PAST.name() + " CASCADE");
        jdbc.execute("CREATE SCHEMA " + PAST.name());
        jdbc.execute("CREATE TABLE " + PAST.name() + ".machine_status (LIKE readmodel.machine_status INCLUDING ALL)");
        jdbc.execute("INSERT INTO " + PAST.name() + ".machine_status SELECT * FROM readmodel.machine_status"
                + " WHERE machine_id = 'mill-01'");
        ok(get("/api/v1/machines?asOf=2026-11-25T08:00:01Z"))
                .andExpect(jsonPath("$[*].machineId", contains("mill-01")));
        ok(get("/api/v1/machines"))
                .andExpect(jsonPath("$[*].machineId", contains("lathe-01", "mill-01")));
        mvc.perform(get("/api/v1/machines/lathe-01?asOf=2026-11-25T08:00:01Z"))
                .andExpect(status().isNotFound());
    }

    @Test
    void refusesAMalformedAsOfNamingTheExpectedForm() throws Exception {
        mvc.perform(get("/api/v1/machines?asOf=yesterday"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(
                        "asOf 'yesterday' is not an ISO-8601 instant in UTC such as 2026-03-01T10:00:00Z"));
    }

    @Test
    void refusesAnAsOfInTheFuture() throws Exception {
        mvc.perform(get("/api/v1/parts/SN-1?asOf=2026-11-25T09:00:01Z"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString(
                        "asOf 2026-11-25T09:00:01Z is in the future")));
    }

    @Test
    void listsMachines() throws Exception {
        ok(get("/api/v1/machines"))
                .andExpect(jsonPath("$[*].machineId", contains("lathe-01", "mill-01")));
    }

    @Test
    void readsOneMachine() throws Exception {
        ok(get("/api/v1/machines/mill-01"))
                .andExpect(jsonPath("$.name").value("Mill 1"))
                .andExpect(jsonPath("$.protocol").value("opcua"))
                .andExpect(jsonPath("$.state").value("RUNNING"))
                .andExpect(jsonPath("$.stateSince").value("2026-11-25T08:05:00Z"))
                .andExpect(jsonPath("$.activeAlarms", hasSize(0)));
    }

    @Test
    void unknownMachineIsAProblem404() throws Exception {
        problem(get("/api/v1/machines/mill-99"), 404)
                .andExpect(jsonPath("$.detail").value("machine 'mill-99' not found"));
    }

    @Test
    void malformedMachineIdIsAProblem400() throws Exception {
        problem(get("/api/v1/machines/{id}", "no spaces"), 400);
    }

    @Test
    void readsCharacteristics() throws Exception {
        ok(get("/api/v1/characteristics"))
                .andExpect(jsonPath("$[*].characteristicId", contains("pn1234-bore")));
        ok(get("/api/v1/characteristics/pn1234-bore"))
                .andExpect(jsonPath("$.chart").value("xbar-r"))
                .andExpect(jsonPath("$.measurementCount").value(1))
                .andExpect(jsonPath("$.lastValue").value(25.01));
        problem(get("/api/v1/characteristics/pn1234-depth"), 404)
                .andExpect(jsonPath("$.detail").value("characteristic 'pn1234-depth' not found"));
    }

    @Test
    void readsPartGenealogy() throws Exception {
        ok(get("/api/v1/parts/SN-1"))
                .andExpect(jsonPath("$.machineId").value("mill-01"))
                .andExpect(jsonPath("$.disposition").value("PENDING"))
                .andExpect(jsonPath("$.measurements[0].characteristicId").value("pn1234-bore"))
                .andExpect(jsonPath("$.measurements[0].unit").value("mm"))
                .andExpect(jsonPath("$.measurements[0].outOfSpecification").value(false));
        problem(get("/api/v1/parts/SN-404"), 404)
                .andExpect(jsonPath("$.detail").value("part 'SN-404' not found"));
    }

    @Test
    void auditEventsDefaultToTheStartOfHistory() throws Exception {
        ok(get("/api/v1/audit/events"))
                .andExpect(jsonPath("$[*].globalIndex", contains(1, 2, 3, 4)))
                .andExpect(jsonPath("$[0].type").value("MachineStateChanged"))
                .andExpect(jsonPath("$[0].timestamp").value("2026-11-25T08:00:01Z"))
                // stored JSON is embedded as JSON, not as a string
                .andExpect(jsonPath("$[0].payload.to").value("RUNNING"))
                .andExpect(jsonPath("$[0].metadata.principal").value("opcua:mill-01"));
    }

    @Test
    void auditEventsPageByAggregateAfterAndLimit() throws Exception {
        ok(get("/api/v1/audit/events").param("aggregateId", "mill-01").param("after", "1").param("limit", "1"))
                .andExpect(jsonPath("$[*].eventId", contains("e2")));
        ok(get("/api/v1/audit/events").param("aggregateId", "").param("after", "3"))
                .andExpect(jsonPath("$[*].eventId", contains("e4")));
    }

    @Test
    void auditLimitOutOfRangeIsAProblem400() throws Exception {
        problem(get("/api/v1/audit/events").param("limit", "0"), 400)
                .andExpect(jsonPath("$.detail").value("limit must be 1-1000, not 0"));
    }

    private static ResultActions ok(RequestBuilder request) throws Exception {
        return mvc.perform(request)
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON));
    }

    private static ResultActions problem(RequestBuilder request, int status)
            throws Exception {
        return mvc.perform(request)
                .andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(status));
    }
}
