package io.cncvision.app.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cncvision.api.gauge.GaugeKind;
import io.cncvision.api.gauge.RegisterGauge;
import io.cncvision.api.value.GaugeId;
import io.cncvision.app.security.Role;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A deadline outlives the instance that scheduled it: a gauge certified before a restart, due while the platform
 * is down, expires after the restart, by the deadline kept in PostgreSQL.
 */
class PersistentDeadlineTest {

    private static final String POLL_FAST = "--cncvision.deadlines.polling-interval=500ms";

    @TempDir
    Path dataDir;

    @Test
    void aCalibrationDueWhileThePlatformIsDownExpiresAfterTheRestart() {
        Instant dueAt;
        try (RunningPlatform first = RunningPlatform.start(dataDir, POLL_FAST)) {
            first.context().getBean(CommandGateway.class)
                    .sendAndWait(new RegisterGauge(GaugeId.of("caliper-7"), GaugeKind.CALIPER, "Caliper 7"));
            String engineer = first.token("qe-quinn", Role.QUALITY_ENGINEER);
            dueAt = Instant.now().plusSeconds(6).truncatedTo(ChronoUnit.MILLIS);
            HttpResponse<String> certified = first.post("/api/v1/gauges/caliper-7/certifications", engineer,
                    "{\"calibrationId\": \"caliper-7-2026-11\", \"asFound\": \"in-tolerance\", \"asLeft\": \"adjusted\","
                            + " \"certificate\": \"DAkkS D-K-12345-0815\", \"dueAt\": \"" + dueAt + "\"}");
            assertThat(certified.statusCode()).as(certified.body()).isEqualTo(200);

            // The calibration saga has put its deadline in the table, and the gauge is calibrated until due.
            await().atMost(Duration.ofSeconds(30)).until(() -> first.jdbc().queryForObject(
                    "SELECT count(*) FROM axon.scheduled_tasks", Long.class) == 1);
            await().atMost(Duration.ofSeconds(30)).until(() -> "CALIBRATED".equals(
                    first.getJson("/api/v1/gauges/caliper-7", engineer).path("status").asText()));
            assertThat(first.getJson("/api/v1/gauges/caliper-7", engineer).path("dueAt").asText())
                    .isEqualTo(dueAt.toString());
            assertThat(Instant.now()).as("the platform stops before the calibration is due").isBefore(dueAt);
        }

        // Down past the due date: nothing in memory remembers the deadline.
        await().pollDelay(Duration.ofMillis(100)).atMost(Duration.ofSeconds(30)).until(() -> Instant.now().isAfter(dueAt));

        try (RunningPlatform second = RunningPlatform.start(dataDir, POLL_FAST)) {
            Instant restartedAt = Instant.now();
            String engineer = second.token("qe-quinn", Role.QUALITY_ENGINEER);
            await().atMost(Duration.ofSeconds(60)).until(() -> "EXPIRED".equals(
                    second.getJson("/api/v1/gauges/caliper-7", engineer).path("status").asText()));

            List<OffsetDateTime> expired = second.jdbc().queryForList("""
                    SELECT recorded_at FROM eventstore.event_log
                    WHERE aggregate_id = 'caliper-7' AND type = 'GaugeCalibrationExpired'
                    """, OffsetDateTime.class);
            assertThat(expired).hasSize(1);
            assertThat(expired.get(0).toInstant()).as("expired by the restarted platform")
                    .isAfterOrEqualTo(restartedAt.minusSeconds(1));
            assertThat(second.jdbc().queryForObject("""
                    SELECT payload->>'expiredAt' FROM eventstore.event_log
                    WHERE aggregate_id = 'caliper-7' AND type = 'GaugeCalibrationExpired'
                    """, String.class)).isEqualTo(dueAt.toString());
            assertThat(second.jdbc().queryForObject("SELECT count(*) FROM axon.scheduled_tasks", Long.class))
                    .as("the deadline is done").isZero();
        }
    }
}
