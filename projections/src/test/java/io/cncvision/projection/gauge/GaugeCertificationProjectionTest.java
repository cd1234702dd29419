package io.cncvision.projection.gauge;

import static org.assertj.core.api.Assertions.assertThat;

import io.cncvision.api.gauge.AsFoundCondition;
import io.cncvision.api.gauge.AsLeftCondition;
import io.cncvision.api.gauge.GaugeCalibrationCertified;
import io.cncvision.api.gauge.GaugeCalibrationExpired;
import io.cncvision.api.gauge.GaugeKind;
import io.cncvision.api.gauge.GaugeRegistered;
import io.cncvision.api.value.CalibrationId;
import io.cncvision.api.value.GaugeId;
import io.cncvision.projection.ReadModelDatabase;
import io.cncvision.projection.SqlTime;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GaugeCertificationProjectionTest {

    private static final GaugeId CALIPER = GaugeId.of("caliper-7");
    private static final CalibrationId CERT = CalibrationId.of("caliper-7-2026-11");
    private static final Instant T0 = Instant.parse("2026-11-25T07:00:00Z");
    private static final Instant DUE = Instant.parse("2027-05-25T07:00:00Z");

    private ReadModelDatabase database;
    private GaugeProjection projection;

    @BeforeEach
    void emptyReadModel() {
        database = ReadModelDatabase.cleared();
        projection = new GaugeProjection(database.jdbc());
        projection.on(new GaugeRegistered(CALIPER, GaugeKind.CALIPER, "Caliper 7"), 0, T0);
    }

    @Test
    void aGaugeIsNotCalibratedUntilCertifiedThenCalibratedUntilDueThenExpired() {
        assertThat(row()).containsEntry("status", "NOT_CALIBRATED").containsEntry("due_at", null);

        projection.on(new GaugeCalibrationCertified(CALIPER, CERT, AsFoundCondition.OUT_OF_TOLERANCE,
                AsLeftCondition.ADJUSTED, "cert-1", DUE, T0, "lab"), 1);
        assertThat(row()).containsEntry("status", "CALIBRATED").containsEntry("certification_id", CERT.value());
        assertThat(database.jdbc().queryForObject("SELECT due_at = :due FROM readmodel.gauge",
                Map.of("due", SqlTime.of(DUE)), Boolean.class)).isTrue();

        projection.on(new GaugeCalibrationExpired(CALIPER, CERT, DUE, DUE), 2);
        assertThat(row()).containsEntry("status", "EXPIRED");
    }

    @Test
    void aGaugeLeftFailedIsFailed() {
        projection.on(new GaugeCalibrationCertified(CALIPER, CERT, AsFoundCondition.OUT_OF_TOLERANCE,
                AsLeftCondition.FAILED, "cert-1", null, T0, "lab"), 1);
        assertThat(row()).containsEntry("status", "FAILED").containsEntry("due_at", null);
    }

    private Map<String, Object> row() {
        return database.jdbc().queryForMap("SELECT status, certification_id, due_at FROM readmodel.gauge"
                + " WHERE gauge_id = :id", Map.of("id", CALIPER.value()));
    }
}
