package io.cncvision.app.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cncvision.api.CommandOutcome;
import io.cncvision.api.characteristic.DefineCharacteristic;
import io.cncvision.api.characteristic.RecordMeasurement;
import io.cncvision.api.value.CharacteristicId;
import io.cncvision.api.value.ChartType;
import io.cncvision.api.value.GaugeId;
import io.cncvision.api.value.SourceMessageId;
import io.cncvision.api.value.Specification;
import io.cncvision.app.store.CachedAggregateSnapshotter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Aggregates are snapshotted as JSON and rebuilt from the snapshot plus the events after it. */
class SnapshotTest {

    private static final CharacteristicId BORE = new CharacteristicId("snap-bore");

    @TempDir
    Path dataDir;

    @Test
    void aCharacteristicRestoredFromItsSnapshotDecidesAsBefore() {
        try (RunningPlatform platform = RunningPlatform.start(dataDir,
                "--cncvision.snapshots.characteristic-threshold=10")) {
            CommandGateway gateway = platform.context().getBean(CommandGateway.class);
            gateway.sendAndWait(new DefineCharacteristic(BORE, "PN-SNAP", "Bore", new Specification("mm", 12.0, 11.98,
                    12.02), 5, ChartType.XBAR_R));
            for (int i = 1; i <= 22; i++) {
                gateway.sendAndWait(measure(i));
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> platform.jdbc().queryForObject(
                    "SELECT count(*) FROM eventstore.snapshots WHERE aggregate_identifier = 'snap-bore'",
                    Long.class) > 0);
            String snapshot = platform.jdbc().queryForObject(
                    "SELECT convert_from(payload, 'UTF8') FROM eventstore.snapshots WHERE aggregate_identifier = 'snap-bore'",
                    String.class);
            assertThat(snapshot).contains("\"recentMessageIds\"").contains("\"specification\"");
            // Taken from the cached aggregate once its command had committed, not by reading the events back:
            // the second platform below proves the state it holds is the one at its sequence number.
            assertThat(platform.context().getBean(CachedAggregateSnapshotter.class).takenFromCache()).isPositive();
        }
        // A new platform has an empty cache: the aggregate comes from the snapshot and the events after it.
        try (RunningPlatform platform = RunningPlatform.start(dataDir)) {
            CommandGateway gateway = platform.context().getBean(CommandGateway.class);
            assertThat((Object) gateway.sendAndWait(measure(22))).isEqualTo(CommandOutcome.DUPLICATE);
            assertThat((Object) gateway.sendAndWait(measure(23))).isEqualTo(CommandOutcome.RECORDED);
            gateway.sendAndWait(measure(24));
            gateway.sendAndWait(measure(25));
            // Measurements 21-25 make subgroup 5: the open subgroup survived the snapshot.
            String completed = platform.jdbc().queryForObject("""
                    SELECT convert_from(payload, 'UTF8') FROM eventstore.events
                    WHERE aggregate_identifier = 'snap-bore' AND event_type LIKE '%.SubgroupCompleted'
                    ORDER BY sequence_number DESC LIMIT 1
                    """, String.class);
            assertThat(completed).contains("\"subgroup\":5").contains("\"values\":[12.021,12.022,12.023,12.024,12.025]");
        }
    }

    private static RecordMeasurement measure(int i) {
        return new RecordMeasurement(BORE, Double.parseDouble(String.format(Locale.ROOT, "12.%03d", i)), null, new GaugeId("cam-1"),
                Instant.parse("2026-11-25T10:00:00Z").plusSeconds(i), new SourceMessageId("cam-1/" + i));
    }
}
