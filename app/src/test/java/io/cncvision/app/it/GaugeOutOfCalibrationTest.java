package io.cncvision.app.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.cncvision.app.security.Role;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A gauge used past its calibration's due date (IATF 16949 7.1.5.2): the value it measures is flagged EXPIRED on
 * its event, a nonconformance naming the gauge opens, and the part it measured is held; a value measured while
 * the certificate was in force is not.
 */
class GaugeOutOfCalibrationTest {

    static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dataDir;

    @Test
    void aMeasurementByAnExpiredGaugeIsFlaggedAndItsPartHeld() throws Exception {
        try (RunningPlatform platform = RunningPlatform.start(dataDir)) {
            String engineer = platform.token("erin", Role.QUALITY_ENGINEER, Role.QUALITY_MANAGER);
            platform.lathe1WithItsBore(engineer, "S-1", "S-2");
            Instant due = Instant.now().plusSeconds(4).truncatedTo(ChronoUnit.MILLIS);
            platform.micrometerCertifiedUntil(engineer, due);

            assertThat(platform.post("/api/v1/characteristics/pn1234-bore/measurements", engineer,
                    "{\"value\": 12.001, \"partSerial\": \"S-1\", \"gaugeId\": \"micrometer-3\"}").statusCode())
                    .isEqualTo(200);
            Thread.sleep(Math.max(0, Duration.between(Instant.now(), due).toMillis() + 1500));
            assertThat(platform.post("/api/v1/characteristics/pn1234-bore/measurements", engineer,
                    "{\"value\": 12.002, \"partSerial\": \"S-2\", \"gaugeId\": \"micrometer-3\"}").statusCode())
                    .isEqualTo(200);

            assertThat(platform.jdbc().queryForList("SELECT convert_from(payload, 'UTF8') FROM eventstore.events"
                    + " WHERE event_type LIKE '%.MeasurementRecorded' ORDER BY global_index", String.class))
                    .satisfiesExactly(first -> assertThat(first).contains("\"gaugeStatus\":\"CALIBRATED\""),
                            second -> assertThat(second).contains("\"gaugeStatus\":\"EXPIRED\""));
            JsonNode report = await().atMost(WAIT).until(() -> platform.getJson("/api/v1/nonconformances", engineer),
                    list -> list.size() == 1).get(0);
            assertThat(report.path("source").asText()).isEqualTo("GAUGE_OUT_OF_CALIBRATION");
            assertThat(report.path("gaugeId").asText()).isEqualTo("micrometer-3");
            String ncr = report.path("nonConformanceId").asText();
            await().atMost(WAIT).until(() -> ncr.equals(
                    platform.getJson("/api/v1/parts/S-2", engineer).path("quarantinedUnder").asText()));
            assertThat(platform.getJson("/api/v1/parts/S-1", engineer).path("quarantinedUnder").isNull()).isTrue();
        }
    }
}
