package io.cncvision.spc.chart;

import static io.cncvision.spc.constants.ControlChartConstants.d2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class TimeWeightedChartsTest {

    // phase I = the first four: mean 11, every moving range 2, so sigma = 2/d2(2) = sqrt(pi)
    private static final double[] SERIES = {10, 12, 10, 12, 20, 2};
    private static final double SIGMA = Math.sqrt(Math.PI);

    @Test
    void ewmaFollowsTheRecursionWithExactTimeVaryingLimits() {
        ChartResult chart = TimeWeightedCharts.ewma(VariablesCharts.individuals(SERIES).points().stream()
                .map(point -> Subgroup.of(point.label(), point.value())).toList(), 4);

        assertThat(chart.chart()).isEqualTo("ewma");
        assertThat(chart.center()).isEqualTo(11);
        assertThat(chart.sigma()).isCloseTo(SIGMA, within(1e-12));
        double[] expected = {10.8, 11.04, 10.832, 11.0656, 12.85248, 10.681984};
        for (int i = 0; i < expected.length; i++) {
            ChartPoint point = chart.points().get(i);
            assertThat(point.value()).isCloseTo(expected[i], within(1e-12));
            double halfWidth = 3 * SIGMA * Math.sqrt(0.2 / 1.8 * (1 - Math.pow(0.8, 2 * (i + 1))));
            assertThat(point.ucl()).isCloseTo(11 + halfWidth, within(1e-12));
            assertThat(point.lcl()).isCloseTo(11 - halfWidth, within(1e-12));
        }
        // first limit: 3 sigma sqrt(0.2/1.8 * 0.36) = 0.6 sigma
        assertThat(chart.points().get(0).ucl()).isCloseTo(11 + 0.6 * SIGMA, within(1e-12));
        assertThat(chart.ucl()).isCloseTo(11 + SIGMA, within(1e-12));
        assertThat(chart.points().stream().filter(ChartPoint::beyondLimits).map(ChartPoint::label))
                .containsExactly("5");
    }

    @Test
    void ewmaOfSubgroupMeansScalesSigmaByRootN() {
        List<Subgroup> rings = Textbook.pistonrings();

        ChartResult chart = TimeWeightedCharts.ewma(rings, 25, 0.1, 2.7);

        double meanRange = rings.subList(0, 25).stream().mapToDouble(Subgroup::range).average().orElseThrow();
        double sigma = meanRange / d2(5);
        assertThat(chart.sigma()).isCloseTo(sigma, within(1e-15));
        assertThat(chart.ucl() - chart.center()).isCloseTo(2.7 * sigma / Math.sqrt(5) * Math.sqrt(0.1 / 1.9), within(1e-12));
        assertThat(chart.points()).hasSize(40);
    }

    @Test
    void cusumAccumulatesBothSidesAndSignalsBeyondH() {
        List<Subgroup> series = List.of(Subgroup.of("1", 10), Subgroup.of("2", 12), Subgroup.of("3", 10),
                Subgroup.of("4", 12), Subgroup.of("5", 20), Subgroup.of("6", 2));

        ChartResult chart = TimeWeightedCharts.cusum(series, 4);

        double k = 0.5 * SIGMA;
        double h = 4 * SIGMA;
        double[] upper = {0, 1 - k, 0, 1 - k, 1 - k + 9 - k, 0};
        double[] lower = {1 - k, 0, 1 - k, 0, 0, 9 - k};
        assertThat(chart.chart()).isEqualTo("cusum");
        assertThat(chart.ucl()).isCloseTo(h, within(1e-12));
        assertThat(chart.lcl()).isCloseTo(-h, within(1e-12));
        assertThat(chart.secondary().chart()).isEqualTo("cusum-lower");
        for (int i = 0; i < series.size(); i++) {
            assertThat(chart.points().get(i).value()).isCloseTo(upper[i], within(1e-12));
            assertThat(chart.secondary().points().get(i).value()).isCloseTo(-lower[i], within(1e-12));
        }
        assertThat(chart.points().stream().filter(ChartPoint::beyondLimits).map(ChartPoint::label))
                .containsExactly("5");
        assertThat(chart.secondary().points().stream().filter(ChartPoint::beyondLimits).map(ChartPoint::label))
                .containsExactly("6");
    }

    @Test
    void refusesBadParametersAndUnequalSubgroups() {
        List<Subgroup> series = List.of(Subgroup.of("1", 10), Subgroup.of("2", 12), Subgroup.of("3", 11));
        assertThatThrownBy(() -> TimeWeightedCharts.ewma(series, 3, 0, 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lambda");
        assertThatThrownBy(() -> TimeWeightedCharts.cusum(series, 3, 0.5, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("h above 0");
        assertThatThrownBy(() -> TimeWeightedCharts.ewma(series, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("phase1");
        assertThatThrownBy(() -> TimeWeightedCharts.cusum(List.of(Subgroup.of("1", 1, 2), Subgroup.of("2", 1)), 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("subgroup 2");
        assertThatThrownBy(() -> TimeWeightedCharts.ewma(List.of(Subgroup.of("1", 5), Subgroup.of("2", 5)), 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no variation");
    }
}
