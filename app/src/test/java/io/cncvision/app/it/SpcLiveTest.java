package io.cncvision.app.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.cncvision.app.security.Role;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The control chart of a characteristic, read back and followed live while measurements arrive, then
 * judged against limits established from its recorded subgroups.
 */
class SpcLiveTest {

    @TempDir
    Path dataDir;

    @Test
    void newSubgroupsReachTheChartAndItsLiveStream() {
        try (RunningPlatform platform = RunningPlatform.start(dataDir)) {
            String engineer = platform.token("erin", Role.QUALITY_ENGINEER);
            assertThat(platform.post("/api/v1/characteristics", engineer, """
                    {"characteristicId": "live-bore", "partNumber": "PN-1", "name": "Bore", "unit": "mm",
                     "nominal": 12.0, "lsl": 11.98, "usl": 12.02, "subgroupSize": 2, "chart": "xbar-r"}
                    """).statusCode()).isEqualTo(201);
            List<String> lines = new CopyOnWriteArrayList<>();
            CompletableFuture<Void> stream = platform.stream("/api/v1/spc/live-bore/stream", engineer, lines::add);
            await().atMost(Duration.ofSeconds(30)).until(() -> lines.contains("event:chart"));

            for (String value : List.of("12.001", "12.003", "11.999", "12.000")) {
                assertThat(platform.post("/api/v1/characteristics/live-bore/measurements", engineer,
                        "{\"value\": " + value + ", \"gaugeId\": \"cam-1\"}").statusCode()).isEqualTo(200);
            }

            await().atMost(Duration.ofSeconds(30))
                    .until(() -> lines.stream().filter("event:point"::equals).count() == 2);
            assertThat(lines.stream().filter(l -> l.startsWith("data:{\"subgroup\":2,")).findFirst()).isPresent();
            JsonNode chart = platform.getJson("/api/v1/spc/live-bore/chart?from=2", engineer);
            assertThat(chart.get("points")).hasSize(1);
            assertThat(chart.at("/points/0/values").toString()).isEqualTo("[11.999,12.0]");

            // Phase I: limits from the recorded subgroups 1-2, approved by the caller; a far-off subgroup 3 signals.
            assertThat(platform.post("/api/v1/characteristics/live-bore/control-limits",
                    platform.token("olga", Role.OPERATOR), "{\"fromSubgroup\": 1, \"toSubgroup\": 2, \"reason\": \"x\"}")
                    .statusCode()).isEqualTo(403);
            assertThat(platform.post("/api/v1/characteristics/live-bore/control-limits", engineer,
                    "{\"fromSubgroup\": 1, \"toSubgroup\": 2, \"rules\": \"nelson\", \"reason\": \"baseline study\"}")
                    .statusCode()).isEqualTo(200);
            for (String value : List.of("12.030", "12.031")) {
                platform.post("/api/v1/characteristics/live-bore/measurements", engineer,
                        "{\"value\": " + value + ", \"gaugeId\": \"cam-1\"}");
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> lines.contains("event:signal"));
            assertThat(lines).contains("event:limits");
            JsonNode judged = platform.getJson("/api/v1/spc/live-bore/chart", engineer);
            assertThat(judged.at("/limits/approvedBy").asText()).isEqualTo(platform.userId("erin"));
            assertThat(judged.at("/limits/toSubgroup").asLong()).isEqualTo(2);
            assertThat(judged.at("/signals/0/subgroup").asLong()).isEqualTo(3);
            assertThat(judged.at("/signals/0/rule").asText()).isEqualTo("NELSON_1");
            // Four measurements in the baseline are too few for a capability study: refused, naming why.
            var capability = platform.get("/api/v1/spc/live-bore/capability", engineer);
            assertThat(capability.statusCode()).isEqualTo(400);
            assertThat(capability.body()).contains("at least");
            stream.cancel(true);
        }
    }

    @Test
    void aPChartJudgesEachSampleAtItsOwnSize() {
        try (RunningPlatform platform = RunningPlatform.start(dataDir)) {
            String engineer = platform.token("erin", Role.QUALITY_ENGINEER);
            assertThat(platform.post("/api/v1/characteristics", engineer, """
                    {"characteristicId": "burrs", "partNumber": "PN-1", "name": "Burrs", "unit": "parts",
                     "nominal": 0, "usl": 1, "subgroupSize": 1, "chart": "p"}
                    """).statusCode()).isEqualTo(201);
            long[][] samples = {{3, 120}, {5, 150}, {2, 100}, {4, 130}, {6, 160}};
            for (long[] sample : samples) {
                assertThat(platform.post("/api/v1/characteristics/burrs/counts", platform.token("cam", Role.MACHINE),
                        "{\"count\": " + sample[0] + ", \"size\": " + sample[1] + "}").statusCode()).isEqualTo(200);
            }
            var refused = platform.post("/api/v1/characteristics/burrs/counts", engineer,
                    "{\"count\": 11, \"size\": 10}");
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body()).contains("must not exceed size");
            var wrongChart = platform.post("/api/v1/characteristics/burrs/control-limits", engineer,
                    "{\"fromSubgroup\": 1, \"toSubgroup\": 5, \"reason\": \"x\", \"parameters\": {\"lambda\": 0.2}}");
            assertThat(wrongChart.body()).contains("not taken by a p chart");
            assertThat(platform.post("/api/v1/characteristics/burrs/control-limits", engineer,
                    "{\"fromSubgroup\": 1, \"toSubgroup\": 5, \"reason\": \"first month\"}").statusCode())
                    .isEqualTo(200);
            platform.post("/api/v1/characteristics/burrs/counts", engineer, "{\"count\": 12, \"size\": 80}");

            double pBar = 20.0 / 660;
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    platform.getJson("/api/v1/spc/burrs/chart", engineer).get("signals").size() == 1);
            JsonNode chart = platform.getJson("/api/v1/spc/burrs/chart", engineer);
            assertThat(chart.at("/limits/center").asDouble()).isCloseTo(pBar, org.assertj.core.api.Assertions.within(1e-15));
            assertThat(chart.at("/points/5/count").asLong()).isEqualTo(12);
            assertThat(chart.at("/points/5/mean").asDouble()).isEqualTo(0.15);
            assertThat(chart.at("/points/5/plotted/ucl").asDouble()).isCloseTo(pBar + 3 * Math.sqrt(pBar * (1 - pBar) / 80),
                    org.assertj.core.api.Assertions.within(1e-12));
            assertThat(chart.at("/signals/0/rule").asText()).isEqualTo("NELSON_1");
            assertThat(chart.at("/signals/0/subgroup").asLong()).isEqualTo(6);
        }
    }
}
