package io.cncvision.app.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.cncvision.app.cli.audit.ReplayCli;
import io.cncvision.app.security.Role;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The plant as of a moment: control limits established later do not show in a replay as of before them, the
 * read API answers {@code ?asOf=} from the replay, and a replay as of now is the live read models row for row.
 */
class ReplayAsOfTest {

    @TempDir
    Path dataDir;

    @Test
    void aReplayShowsTheLimitsInForceThenAndAsOfNowEqualsTheLiveReadModels() throws Exception {
        try (RunningPlatform platform = RunningPlatform.start(dataDir)) {
            String engineer = platform.token("erin", Role.QUALITY_ENGINEER);
            String auditor = platform.token("aude", Role.AUDITOR);
            String mill = platform.token("mill-01", Role.MACHINE);
            assertThat(platform.post("/api/v1/machines", platform.token("qm", Role.QUALITY_MANAGER),
                    "{\"machineId\": \"mill-01\", \"name\": \"Mill 1\", \"protocol\": \"manual\"}").statusCode())
                    .isIn(200, 201);
            assertThat(platform.post("/api/v1/characteristics", engineer, """
                    {"characteristicId": "bore", "partNumber": "PN-1", "name": "Bore", "unit": "mm",
                     "nominal": 12.0, "lsl": 11.98, "usl": 12.02, "subgroupSize": 2, "chart": "xbar-r"}
                    """).statusCode()).isEqualTo(201);
            measure(platform, mill, engineer, 1, "12.001", "12.003", "11.999", "12.000");
            establish(platform, engineer, 2, "first study");
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    platform.getJson("/api/v1/spc/bore/chart", engineer).at("/limits/toSubgroup").asLong() == 2);
            Instant firstLimitsInForce = Instant.now();
            Thread.sleep(20);

            measure(platform, mill, engineer, 5, "12.004", "12.002", "11.998", "12.001");
            establish(platform, engineer, 4, "second study");
            assertThat(platform.post("/api/v1/nonconformances", engineer, """
                    {"description": "Bore chatter marks on SN-5", "machineId": "mill-01", "serials": ["SN-5"]}
                    """).statusCode()).isEqualTo(201);
            JdbcTemplate jdbc = platform.jdbc();
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    count(jdbc, "readmodel.spc_limits") == 2 && count(jdbc, "readmodel.spc_point") == 4
                            && count(jdbc, "readmodel.part_measurement") == 8 && count(jdbc, "readmodel.part") == 8
                            && count(jdbc, "readmodel.nonconformance") == 1
                            && jdbc.queryForObject("SELECT measurement_count FROM readmodel.characteristic",
                            Long.class) == 8);

            // the chart as of then: the first limits and the first two subgroups; live: the second limits
            JsonNode then = platform.getJson("/api/v1/spc/bore/chart?asOf=" + firstLimitsInForce, auditor);
            assertThat(then.at("/limits/toSubgroup").asLong()).isEqualTo(2);
            assertThat(then.at("/limits/reason").asText()).isEqualTo("first study");
            assertThat(then.get("points")).hasSize(2);
            JsonNode live = platform.getJson("/api/v1/spc/bore/chart", auditor);
            assertThat(live.at("/limits/toSubgroup").asLong()).isEqualTo(4);
            assertThat(live.at("/limits/reason").asText()).isEqualTo("second study");
            // a part's genealogy as known then: SN-5 was not produced yet
            assertThat(platform.get("/api/v1/parts/SN-5?asOf=" + firstLimitsInForce, auditor).statusCode())
                    .isEqualTo(404);
            assertThat(platform.getJson("/api/v1/parts/SN-1?asOf=" + firstLimitsInForce, auditor)
                    .get("measurements")).hasSize(1);
            assertThat(platform.getJson("/api/v1/nonconformances?asOf=" + firstLimitsInForce, auditor)).isEmpty();
            assertThat(platform.getJson("/api/v1/nonconformances", auditor)).hasSize(1);

            HttpResponse<String> malformed = platform.get("/api/v1/spc/bore/chart?asOf=last-tuesday", auditor);
            assertThat(malformed.statusCode()).isEqualTo(400);
            assertThat(malformed.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                    assertThat(type).startsWith(RunningPlatform.PROBLEM_JSON));
            assertThat(RunningPlatform.json(malformed.body()).path("detail").asText())
                    .contains("'last-tuesday' is not an ISO-8601 instant", "2026-03-01T10:00:00Z");
            HttpResponse<String> future = platform.get("/api/v1/spc/bore/chart?asOf=2999-01-01T00:00:00Z", auditor);
            assertThat(future.statusCode()).isEqualTo(400);
            assertThat(RunningPlatform.json(future.body()).path("detail").asText()).contains("in the future");

            // the data directory's database is the running platform's: the command says so and how to reach it
            ReplayCli.Run inUse = ReplayCli.replay("--as-of", "now", "--data-dir", dataDir.toString());
            assertThat(inUse.status()).isEqualTo(2);
            assertThat(inUse.err()).contains("in use by a running platform", "--db");

            String url = platform.context().getBean(EmbeddedPostgres.class).getJdbcUrl("postgres", "cncvision");
            ReplayCli.Run badInstant = ReplayCli.replay("--as-of", "1 March", "--db", url);
            assertThat(badInstant.status()).isEqualTo(2);
            assertThat(badInstant.err()).contains("--as-of '1 March' is not an instant", "2026-03-01T10:00:00Z");

            // as of now, once the sagas and projections have settled: the live read models, row for row
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                long recorded = platform.eventCount();
                ReplayCli.Run now = ReplayCli.replay("--as-of", "now", "--db", url);
                assertThat(now.status()).as(now.err()).isZero();
                String schema = now.out().lines().filter(l -> l.startsWith("schema ")).findFirst().orElseThrow()
                        .substring("schema ".length());
                assertThat(schema).startsWith("asof_");
                assertThat(now.out()).contains("events replayed " + recorded);
                List<String> tables = jdbc.queryForList("""
                        SELECT table_name FROM information_schema.tables
                        WHERE table_schema = 'readmodel' AND table_type = 'BASE TABLE' ORDER BY table_name
                        """, String.class);
                assertThat(tables).contains("spc_limits", "part", "machine_status", "nonconformance");
                for (String table : tables) {
                    assertThat(rows(jdbc, schema + "." + table)).as(table)
                            .isEqualTo(rows(jdbc, "readmodel." + table));
                }
            });
        }
    }

    @Test
    void theSchemaOfAReplayInterruptedByAKillIsDroppedWhenThePlatformStartsAgain() {
        String interrupted = "asof_20260301t100000z_wip_c0ffee";
        try (RunningPlatform first = RunningPlatform.start(dataDir)) {
            // what a replay killed half-way leaves: its schema under the temporary name, and no lock held on it
            first.jdbc().execute("CREATE SCHEMA " + interrupted);
            first.jdbc().execute("CREATE UNLOGGED TABLE " + interrupted + ".spc_point (LIKE readmodel.spc_point)");
        }
        try (RunningPlatform second = RunningPlatform.start(dataDir)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> second.jdbc().queryForObject(
                    "SELECT count(*) FROM pg_namespace WHERE nspname = ?", Long.class, interrupted) == 0);
        }
    }

    private static void measure(RunningPlatform platform, String machine, String engineer, int firstSerial,
                                String... values) {
        for (int i = 0; i < values.length; i++) {
            String serial = "SN-" + (firstSerial + i);
            assertThat(platform.post("/api/v1/parts", machine, """
                    {"serial": "%s", "partNumber": "PN-1", "machineId": "mill-01", "sourceMessageId": "p-%s"}
                    """.formatted(serial, serial)).statusCode()).isEqualTo(201);
            assertThat(platform.post("/api/v1/characteristics/bore/measurements", engineer,
                    "{\"value\": " + values[i] + ", \"gaugeId\": \"cam-1\", \"partSerial\": \"" + serial + "\"}")
                    .statusCode()).isEqualTo(200);
        }
    }

    private static void establish(RunningPlatform platform, String engineer, int toSubgroup, String reason) {
        assertThat(platform.post("/api/v1/characteristics/bore/control-limits", engineer,
                "{\"fromSubgroup\": 1, \"toSubgroup\": " + toSubgroup + ", \"reason\": \"" + reason + "\"}")
                .statusCode()).isEqualTo(200);
    }

    private static long count(JdbcTemplate jdbc, String table) {
        return jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class);
    }

    /** Every row of the table as text, sorted: two tables with the same rows give the same list. */
    private static List<String> rows(JdbcTemplate jdbc, String table) {
        return jdbc.queryForList("SELECT CAST(t AS TEXT) AS row FROM " + table + " t ORDER BY 1", String.class);
    }
}
