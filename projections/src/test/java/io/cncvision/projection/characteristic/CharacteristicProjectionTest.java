package io.cncvision.projection.characteristic;

import static org.assertj.core.api.Assertions.assertThat;

import io.cncvision.api.characteristic.CharacteristicDefined;
import io.cncvision.api.characteristic.MeasurementRecorded;
import io.cncvision.api.characteristic.OutOfSpecificationDetected;
import io.cncvision.api.characteristic.SpecificationRevised;
import io.cncvision.api.value.CharacteristicId;
import io.cncvision.api.value.ChartType;
import io.cncvision.api.value.GaugeId;
import io.cncvision.api.value.Serial;
import io.cncvision.api.value.SourceMessageId;
import io.cncvision.api.value.Specification;
import io.cncvision.projection.ReadModelDatabase;
import io.cncvision.projection.SqlTime;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CharacteristicProjectionTest {

    private static final CharacteristicId BORE = CharacteristicId.of("pn1234-bore");
    private static final Specification SPEC = new Specification("mm", 25.0, 24.95, 25.05);
    private static final Instant T1 = Instant.parse("2026-11-25T09:00:00Z");
    private static final Instant T2 = Instant.parse("2026-11-25T09:01:00Z");

    private ReadModelDatabase database;
    private CharacteristicProjection projection;

    @BeforeEach
    void emptyReadModel() {
        database = ReadModelDatabase.cleared();
        projection = new CharacteristicProjection(database.jdbc());
    }

    @Test
    void definedCharacteristicHasItsSpecificationAndNoMeasurements() {
        define();

        assertThat(row()).containsEntry("part_number", "PN-1234").containsEntry("name", "Bore diameter")
                .containsEntry("unit", "mm").containsEntry("nominal", 25.0).containsEntry("lsl", 24.95)
                .containsEntry("usl", 25.05).containsEntry("subgroup_size", 5).containsEntry("chart", "xbar-r")
                .containsEntry("measurement_count", 0L).containsEntry("out_of_specification_count", 0L)
                .containsEntry("last_value", null).containsEntry("last_observed_at", null);
    }

    @Test
    void revisedSpecificationReplacesTheCurrentOne() {
        define();
        projection.on(new SpecificationRevised(BORE, SPEC, new Specification("mm", 25.0, null, 25.10), "ECN-17"), 1);

        assertThat(row()).containsEntry("usl", 25.10).containsEntry("lsl", null);
    }

    @Test
    void measurementsAreCountedAndTheLastIsKept() {
        define();
        projection.on(measured(25.01, T1, "m1"), 1);
        projection.on(measured(25.08, T2, "m2"), 2);
        projection.on(outOfSpec(25.08, T2, "m2"), 3);

        assertThat(row()).containsEntry("measurement_count", 2L).containsEntry("out_of_specification_count", 1L)
                .containsEntry("last_value", 25.08);
        assertThat(lastObservedAt()).isEqualTo(T2);
    }

    @Test
    void redeliveredMeasurementsAreNotCountedTwice() {
        define();
        projection.on(measured(25.01, T1, "m1"), 1);
        projection.on(measured(25.08, T2, "m2"), 2);
        projection.on(outOfSpec(25.08, T2, "m2"), 3);

        define();
        projection.on(measured(25.01, T1, "m1"), 1);
        projection.on(measured(25.08, T2, "m2"), 2);
        projection.on(outOfSpec(25.08, T2, "m2"), 3);

        assertThat(row()).containsEntry("measurement_count", 2L).containsEntry("out_of_specification_count", 1L)
                .containsEntry("last_value", 25.08);
    }

    @Test
    void resetEmptiesTheReadModelForAReplay() {
        define();
        projection.reset();

        assertThat(database.jdbc().getJdbcTemplate()
                .queryForObject("SELECT count(*) FROM readmodel.characteristic", Long.class)).isZero();
    }

    private void define() {
        projection.on(new CharacteristicDefined(BORE, "PN-1234", "Bore diameter", SPEC, 5, ChartType.XBAR_R), 0);
    }

    private static MeasurementRecorded measured(double value, Instant at, String source) {
        return new MeasurementRecorded(BORE, value, Serial.of("SN-1"), GaugeId.of("cam-01"), at,
                SourceMessageId.of(source), 1);
    }

    private static OutOfSpecificationDetected outOfSpec(double value, Instant at, String source) {
        return new OutOfSpecificationDetected(BORE, value, Serial.of("SN-1"), SPEC, at, SourceMessageId.of(source));
    }

    private Map<String, Object> row() {
        return database.jdbc().getJdbcTemplate()
                .queryForMap("SELECT * FROM readmodel.characteristic WHERE characteristic_id = ?", BORE.value());
    }

    private Instant lastObservedAt() {
        return database.jdbc().getJdbcTemplate().queryForObject(
                "SELECT last_observed_at FROM readmodel.characteristic WHERE characteristic_id = ?",
                (rs, n) -> SqlTime.instant(rs, "last_observed_at"), BORE.value());
    }
}
