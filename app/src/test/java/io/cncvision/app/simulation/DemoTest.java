package io.cncvision.app.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cncvision.api.characteristic.CompensationConcluded;
import io.cncvision.api.characteristic.CompensationOutcome;
import io.cncvision.api.characteristic.CorrectionProposed;
import io.cncvision.api.characteristic.OutOfControlSignalled;
import io.cncvision.api.characteristic.SubgroupCompleted;
import io.cncvision.api.machine.ToolOffsetAdjustmentApplied;
import io.cncvision.api.nonconformance.ContainmentApplied;
import io.cncvision.api.nonconformance.NonConformanceOpened;
import io.cncvision.api.part.PartQuarantined;
import io.cncvision.api.part.PartRejected;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The demo end to end: simulated lathes over OPC-UA and Modbus TCP with a camera at each, and the loop closed.
 * A drifting bore signals, the wear offset is written to the lathe and the bore comes back in control; a part
 * shown with a defect is rejected, a nonconformance opens and its suspects are quarantined; replaying the events
 * rebuilds the same read models.
 */
class DemoTest {

    @TempDir
    Path dataDir;

    @Test
    void theLoopClosesOnTheSimulatedShopFloor() throws Exception {
        Demo.Settings settings = new Demo.Settings(2, 60, 7, null, 0.08, Path.of("../models/neu-det"),
                dataDir.resolve("demo"), List.of("--server.port=0"));
        try (Demo demo = Demo.start(settings)) {
            JdbcTemplate jdbc = demo.context().getBean(JdbcTemplate.class);

            // A signal answered by an offset written to the machine, and the bore back in control after it.
            await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofSeconds(1)).until(() ->
                    count(jdbc, CompensationConcluded.class, "BACK_IN_CONTROL") > 0);
            List<String> story = types(jdbc, "lathe-1-bore", "lathe-2-bore", "lathe-1", "lathe-2");
            int signal = story.indexOf(OutOfControlSignalled.class.getName());
            int proposed = story.indexOf(CorrectionProposed.class.getName());
            int applied = story.indexOf(ToolOffsetAdjustmentApplied.class.getName());
            assertThat(signal).isNotNegative();
            assertThat(proposed).isGreaterThan(signal);
            assertThat(applied).isGreaterThan(proposed);
            assertThat(story.subList(applied, story.size())).contains(SubgroupCompleted.class.getName());
            assertThat(count(jdbc, CompensationConcluded.class, "BACK_IN_CONTROL")).isPositive();

            // A rejected part: a nonconformance, and the part with its suspects quarantined under it.
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() ->
                    count(jdbc, PartQuarantined.class, null) > 0 && count(jdbc, ContainmentApplied.class, null) > 0);
            assertThat(count(jdbc, PartRejected.class, null)).isPositive();
            assertThat(count(jdbc, NonConformanceOpened.class, "REJECTED_PART")).isPositive();
            Map<String, Long> summary = demo.summary();
            assertThat(summary.get("partsMade")).isGreaterThan(20);
            assertThat(summary.get("partsInspected")).isPositive();
            assertThat(summary.get("offsetCorrectionsApplied")).isPositive();
            assertThat(summary.get("nonConformancesOpened")).isPositive();
            assertThat(summary.get("partsQuarantined")).isPositive();

            // Replaying the events rebuilds the same read models.
            demo.plant().close();
            Thread.sleep(2000);
            Map<String, List<String>> live = readModels(jdbc);
            EventProcessingConfiguration processing = demo.context().getBean(
                    org.axonframework.config.Configuration.class).eventProcessingConfiguration();
            for (String group : List.of("machine-status", "characteristics", "part-genealogy", "spc-chart", "gauges",
                    "nonconformances")) {
                TrackingEventProcessor processor = processing.eventProcessor(group, TrackingEventProcessor.class)
                        .orElseThrow(() -> new AssertionError("no tracking processor " + group));
                processor.shutDown();
                processor.resetTokens();
                processor.start();
            }
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> readModels(jdbc).equals(live));
        }
    }

    private static long count(JdbcTemplate jdbc, Class<?> type, String containing) {
        String sql = "SELECT count(*) FROM eventstore.events WHERE event_type = ?"
                + (containing == null ? "" : " AND convert_from(payload, 'UTF8') LIKE ?");
        Object[] args = containing == null ? new Object[] {type.getName()}
                : new Object[] {type.getName(), "%" + containing + "%"};
        return jdbc.queryForObject(sql, Long.class, args);
    }

    private static List<String> types(JdbcTemplate jdbc, String... aggregates) {
        return jdbc.queryForList("SELECT event_type FROM eventstore.events WHERE aggregate_identifier IN ("
                + String.join(",", java.util.Collections.nCopies(aggregates.length, "?")) + ") ORDER BY global_index",
                String.class, (Object[]) aggregates);
    }

    /** Every read-model table, its rows as text in sorted order: what a reader of it can see. */
    private static Map<String, List<String>> readModels(JdbcTemplate jdbc) {
        Map<String, List<String>> tables = new TreeMap<>();
        for (String table : jdbc.queryForList("SELECT table_name FROM information_schema.tables"
                + " WHERE table_schema = 'readmodel' AND table_type = 'BASE TABLE'", String.class)) {
            List<String> rows = new ArrayList<>();
            for (Map<String, Object> row : jdbc.queryForList("SELECT * FROM readmodel." + table)) {
                rows.add(new TreeMap<>(row).toString());
            }
            rows.sort(null);
            tables.put(table, rows);
        }
        return tables;
    }
}
