package io.cncvision.query.spc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cncvision.api.characteristic.CharacteristicDefined;
import io.cncvision.api.characteristic.ControlLimitsEstablished;
import io.cncvision.api.characteristic.CountRecorded;
import io.cncvision.api.characteristic.OutOfControlSignalled;
import io.cncvision.api.characteristic.PlottedPoint;
import io.cncvision.api.characteristic.SubgroupCompleted;
import io.cncvision.api.spc.FindSpcCapability;
import io.cncvision.api.spc.FindSpcChart;
import io.cncvision.api.spc.SpcCapabilityView;
import io.cncvision.api.spc.SpcChartView;
import io.cncvision.api.value.CharacteristicId;
import io.cncvision.api.value.ChartType;
import io.cncvision.api.value.Specification;
import io.cncvision.projection.characteristic.CharacteristicProjection;
import io.cncvision.projection.spc.SpcChartProjection;
import io.cncvision.query.NotFoundException;
import io.cncvision.query.QueryDatabase;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

class SpcChartQueriesTest {

    private static final CharacteristicId BORE = CharacteristicId.of("pn1234-bore");
    private static final Instant T1 = Instant.parse("2026-11-25T09:00:00Z");

    private NamedParameterJdbcTemplate jdbc;
    private SpcChartProjection projection;
    private SpcChartQueries queries;

    @BeforeEach
    void emptyReadModel() {
        jdbc = QueryDatabase.cleared().jdbc();
        new CharacteristicProjection(jdbc).on(new CharacteristicDefined(BORE, "PN-1234", "Bore", new Specification("mm",
                12.0, 11.98, 12.02), 3, ChartType.XBAR_R), 0);
        projection = new SpcChartProjection(jdbc, SimpleQueryUpdateEmitter.builder().build());
        queries = new SpcChartQueries(jdbc);
    }

    @Test
    void pointsComeInSubgroupOrderWithTheirValues() {
        projection.on(subgroup(2, 12.01, 12.02, 12.00));
        projection.on(subgroup(1, 12.00, 11.99, 12.01));

        SpcChartView chart = queries.handle(new FindSpcChart(BORE, null, null));

        assertThat(chart.chart()).isEqualTo("xbar-r");
        assertThat(chart.unit()).isEqualTo("mm");
        assertThat(chart.subgroupSize()).isEqualTo(3);
        assertThat(chart.points()).extracting(SpcChartView.Point::subgroup).containsExactly(1L, 2L);
        assertThat(chart.points().get(1).values()).containsExactly(12.01, 12.02, 12.00);
        assertThat(chart.points().get(1).observedAt()).isEqualTo(T1.plusSeconds(2));
    }

    @Test
    void aRedeliveredSubgroupIsStoredOnce() {
        projection.on(subgroup(1, 12.00, 11.99, 12.01));
        projection.on(subgroup(1, 12.00, 11.99, 12.01));

        assertThat(queries.handle(new FindSpcChart(BORE, null, null)).points()).hasSize(1);
    }

    @Test
    void fromAndToSelectSubgroups() {
        for (int i = 1; i <= 5; i++) {
            projection.on(subgroup(i, 12.0, 12.0, 12.0));
        }

        assertThat(queries.handle(new FindSpcChart(BORE, 2L, 4L)).points())
                .extracting(SpcChartView.Point::subgroup).containsExactly(2L, 3L, 4L);
        assertThat(queries.handle(new FindSpcChart(BORE, 5L, null)).points()).hasSize(1);
    }

    @Test
    void theLatestLimitsAndTheSignalsInRangeComeWithThePoints() {
        for (int i = 1; i <= 4; i++) {
            projection.on(subgroup(i, 12.0, 12.01, 11.99));
        }
        projection.on(new ControlLimitsEstablished(BORE, 1, 2, "xbar-r", 12.0, 11.99, 12.01, 0.005, 0.02, 0, 0.05,
                "nelson", "quinn", "first study", Map.of()), 5, T1);
        projection.on(new ControlLimitsEstablished(BORE, 1, 3, "xbar-r", 12.0, 11.98, 12.02, 0.006, 0.02, 0, 0.05,
                "western-electric", "quinn", "wider baseline", null), 6, T1.plusSeconds(60));
        projection.on(new OutOfControlSignalled(BORE, 4, "WE_1", List.of(4L), 12.03, 12.0, 11.98, 12.02, T1));
        projection.on(new OutOfControlSignalled(BORE, 4, "WE_1", List.of(4L), 12.03, 12.0, 11.98, 12.02, T1));

        SpcChartView chart = queries.handle(new FindSpcChart(BORE, null, null));

        assertThat(chart.limits().toSubgroup()).isEqualTo(3);
        assertThat(chart.limits().rules()).isEqualTo("western-electric");
        assertThat(chart.limits().approvedBy()).isEqualTo("quinn");
        assertThat(chart.limits().establishedAt()).isEqualTo(T1.plusSeconds(60));
        // recorded before charts had parameters: none
        assertThat(chart.limits().parameters()).isEmpty();
        assertThat(chart.signals()).containsExactly(new SpcChartView.Signal(4, "WE_1", List.of(4L), 12.03, T1));
        assertThat(queries.handle(new FindSpcChart(BORE, 1L, 3L)).signals()).isEmpty();
    }

    @Test
    void aJudgedPointKeepsWhatItsChartPlottedAndTheLimitsItWasJudgedAgainst() {
        projection.on(subgroup(1, 12.0, 12.01, 11.99));
        SubgroupCompleted judged = new SubgroupCompleted(BORE, 2, List.of(12.0, 12.02, 12.01), 12.01, 0.02, 0.01,
                T1.plusSeconds(2), new PlottedPoint(12.01, 11.99, 12.02, 0.02));
        projection.on(judged);

        List<SpcChartView.Point> points = queries.handle(new FindSpcChart(BORE, null, null)).points();

        assertThat(points.get(0).plotted()).isNull();
        assertThat(points.get(1).plotted()).isEqualTo(judged.plotted());
        assertThat(points.get(1).count()).isNull();
    }

    @Test
    void anEwmaChartsLimitsKeepTheirParameters() {
        projection.on(new ControlLimitsEstablished(BORE, 1, 3, "ewma", 12.0, 11.995, 12.005, 0.003, 0, 0, 0,
                "nelson", "quinn", "study", Map.of("lambda", 0.1, "L", 2.7)), 5, T1);

        assertThat(queries.handle(new FindSpcChart(BORE, null, null)).limits().parameters())
                .containsExactlyInAnyOrderEntriesOf(Map.of("lambda", 0.1, "L", 2.7));
    }

    @Test
    void anAttributeSampleIsAPointWithItsCountAndSizeAndNoMeasuredValues() {
        CharacteristicId burrs = CharacteristicId.of("pn1234-burrs");
        new CharacteristicProjection(jdbc).on(new CharacteristicDefined(burrs, "PN-1234", "Burrs", new Specification(
                "parts", 0, null, 1.0), 1, ChartType.P), 0);
        projection.on(new CountRecorded(burrs, 1, 3, 120, 0.025, T1, null, null));
        projection.on(new CountRecorded(burrs, 2, 9, 100, 0.09, T1.plusSeconds(1), null,
                new PlottedPoint(0.09, 0.0, 0.0712, null)));

        SpcChartView chart = queries.handle(new FindSpcChart(burrs, null, null));

        assertThat(chart.chart()).isEqualTo("p");
        assertThat(chart.points()).extracting(SpcChartView.Point::mean).containsExactly(0.025, 0.09);
        assertThat(chart.points().get(1).count()).isEqualTo(9);
        assertThat(chart.points().get(1).size()).isEqualTo(100);
        assertThat(chart.points().get(1).values()).isNull();
        assertThat(chart.points().get(1).range()).isNull();
        assertThat(chart.points().get(1).plotted().ucl()).isEqualTo(0.0712);
        assertThatThrownBy(() -> queries.handle(new FindSpcCapability(burrs, null, null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("capability needs measured values");
    }

    @Test
    void capabilityOfTheBaselineUsesTheMeanRangeForTheWithinSigma() {
        projection.on(subgroup(1, 12.000, 12.004, 11.998));
        projection.on(subgroup(2, 12.002, 11.997, 12.001));
        projection.on(subgroup(3, 11.999, 12.003, 12.000));
        projection.on(subgroup(4, 12.010, 12.011, 12.012));
        projection.on(new ControlLimitsEstablished(BORE, 1, 3, "xbar-r", 12.0, 11.99, 12.01, 0.003, 0.005, 0, 0.01,
                "nelson", "quinn", "study", Map.of()), 5, T1);

        SpcCapabilityView capability = queries.handle(new FindSpcCapability(BORE, null, null));

        // Subgroups 1-3, the baseline: R-bar = (0.006 + 0.005 + 0.004) / 3, d2(3) = 1.692568750643269.
        double sigmaWithin = (0.006 + 0.005 + 0.004) / 3 / 1.692568750643269;
        assertThat(capability.fromSubgroup()).isEqualTo(1);
        assertThat(capability.toSubgroup()).isEqualTo(3);
        assertThat(capability.n()).isEqualTo(9);
        assertThat(capability.sigmaWithin()).isCloseTo(sigmaWithin, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(capability.cp()).isCloseTo(0.04 / (6 * sigmaWithin), org.assertj.core.api.Assertions.within(1e-9));
        assertThat(queries.handle(new FindSpcCapability(BORE, 1L, 4L)).n()).isEqualTo(12);
    }

    @Test
    void capabilityNeedsEnoughSubgroups() {
        projection.on(subgroup(1, 12.000, 12.004, 11.998));

        assertThatThrownBy(() -> queries.handle(new FindSpcCapability(BORE, null, null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 2");
        assertThatThrownBy(() -> queries.handle(new FindSpcCapability(CharacteristicId.of("nope"), null, null)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void anUnknownCharacteristicIsNotFound() {
        assertThatThrownBy(() -> queries.handle(new FindSpcChart(CharacteristicId.of("nope"), null, null)))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("nope");
    }

    @Test
    void refusesFromAfterTo() {
        assertThatThrownBy(() -> new FindSpcChart(BORE, 5L, 2L)).hasMessageContaining("from (5)");
    }

    private static SubgroupCompleted subgroup(long number, double... values) {
        double mean = (values[0] + values[1] + values[2]) / 3;
        double range = Math.max(values[0], Math.max(values[1], values[2]))
                - Math.min(values[0], Math.min(values[1], values[2]));
        return new SubgroupCompleted(BORE, number, List.of(values[0], values[1], values[2]), mean, range, 0.01,
                T1.plusSeconds(number), null);
    }
}
