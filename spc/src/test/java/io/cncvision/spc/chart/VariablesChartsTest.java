package io.cncvision.spc.chart;

import static io.cncvision.spc.constants.ControlChartConstants.c4;
import static io.cncvision.spc.constants.ControlChartConstants.d2;
import static io.cncvision.spc.constants.ControlChartConstants.d3;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.cncvision.spc.SharedData;
import java.util.Arrays;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class VariablesChartsTest {

    private static Offset<Double> printed(int decimals) {
        return within(0.5 * Math.pow(10, -decimals) + 1e-15);
    }

    private static void assertRelative(double actual, double expected) {
        assertThat(Math.abs(actual - expected)).isLessThanOrEqualTo(1e-9 * Math.abs(expected));
    }

    @Test
    void pistonringsXbarRFromTheTrialSubgroupsMatchesMontgomery() {
        List<Subgroup> rings = Textbook.pistonrings();
        assertThat(rings).hasSize(40);

        ChartResult chart = VariablesCharts.xbarR(rings, 25);

        double grandMean = rings.subList(0, 25).stream().mapToDouble(Subgroup::mean).average().orElseThrow();
        double meanRange = rings.subList(0, 25).stream().mapToDouble(Subgroup::range).average().orElseThrow();
        double a2 = 3 / (d2(5) * Math.sqrt(5));
        assertRelative(chart.center(), grandMean);
        assertRelative(chart.lcl(), grandMean - a2 * meanRange);
        assertRelative(chart.ucl(), grandMean + a2 * meanRange);
        assertRelative(chart.sigma(), meanRange / d2(5));
        assertRelative(chart.secondary().center(), meanRange);
        assertRelative(chart.secondary().ucl(), (1 + 3 * d3(5) / d2(5)) * meanRange);

        assertThat(chart.chart()).isEqualTo("xbar-r");
        assertThat(chart.subgroups()).isEqualTo(40);
        assertThat(chart.phase1()).isEqualTo(25);
        assertThat(chart.center()).isCloseTo(74.001176, printed(6));
        assertThat(chart.lcl()).isCloseTo(73.988048, printed(6));
        assertThat(chart.ucl()).isCloseTo(74.014304, printed(6));
        assertThat(chart.sigma()).isCloseTo(0.009785, printed(6));
        assertThat(chart.secondary().chart()).isEqualTo("r");
        assertThat(chart.secondary().center()).isCloseTo(0.02276, printed(5));
        assertThat(chart.secondary().lcl()).isZero();
        // exactly 0.0481260005; the printed 0.048125 is qcc's, whose tables hold d2(5) = 2.326 and
        // d3(5) = 0.8640855 (R-bar (1 + 3 d3/d2) = 0.0481253)
        assertThat(chart.secondary().ucl()).isCloseTo(0.048125, within(1.1e-6));
        assertThat(chart.points()).hasSize(40);
        assertThat(chart.secondary().points()).hasSize(40);
        assertThat(chart.points().get(0).label()).isEqualTo("1");
        assertThat(chart.points().get(0).value()).isCloseTo(74.0102, printed(4));
        // phase II: every point judged against the frozen trial limits
        assertThat(chart.points()).allSatisfy(point -> {
            assertThat(point.lcl()).isEqualTo(chart.lcl());
            assertThat(point.ucl()).isEqualTo(chart.ucl());
        });
        assertThat(chart.points().stream().filter(ChartPoint::beyondLimits).map(ChartPoint::label))
                .containsExactly("37", "38", "39");
    }

    @Test
    void pistonringsXbarSFromTheTrialSubgroupsMatchesMontgomery() {
        List<Subgroup> rings = Textbook.pistonrings();

        ChartResult chart = VariablesCharts.xbarS(rings, 25);

        double grandMean = rings.subList(0, 25).stream().mapToDouble(Subgroup::mean).average().orElseThrow();
        double meanSd = rings.subList(0, 25).stream().mapToDouble(Subgroup::standardDeviation).average().orElseThrow();
        double c4 = c4(5);
        double a3 = 3 / (c4 * Math.sqrt(5));
        assertRelative(chart.center(), grandMean);
        assertRelative(chart.lcl(), grandMean - a3 * meanSd);
        assertRelative(chart.ucl(), grandMean + a3 * meanSd);
        assertRelative(chart.sigma(), meanSd / c4);
        assertRelative(chart.secondary().ucl(), (1 + 3 * Math.sqrt(1 - c4 * c4) / c4) * meanSd);
        assertThat(chart.secondary().lcl()).isZero();
        assertThat(chart.secondary().center()).isCloseTo(0.00924, printed(5));
        assertThat(chart.lcl()).isCloseTo(73.988, printed(3));
        assertThat(chart.ucl()).isCloseTo(74.014, printed(3));
    }

    @Test
    void viscosityIndividualsFromTheTrialBatches() {
        double[] viscosity = SharedData.column("spc/qcc/viscosity.txt", "viscosity");
        int trial = Textbook.trialRows("spc/qcc/viscosity.txt");
        assertThat(trial).isEqualTo(20);

        ChartResult chart = VariablesCharts.individuals(viscosity, trial);

        double mean = Arrays.stream(viscosity, 0, trial).average().orElseThrow();
        double movingRange = 0;
        for (int i = 1; i < trial; i++) {
            movingRange += Math.abs(viscosity[i] - viscosity[i - 1]);
        }
        movingRange /= trial - 1;
        double sigma = movingRange / (2 / Math.sqrt(Math.PI));
        assertRelative(chart.center(), mean);
        assertRelative(chart.sigma(), sigma);
        assertRelative(chart.lcl(), mean - 3 * sigma);
        assertRelative(chart.ucl(), mean + 3 * sigma);
        assertRelative(chart.secondary().center(), movingRange);
        assertRelative(chart.secondary().ucl(), (1 + 3 * Math.sqrt(2 - 4 / Math.PI) / (2 / Math.sqrt(Math.PI))) * movingRange);
        assertThat(chart.secondary().ucl() / movingRange).isCloseTo(3.267, printed(3));
        assertThat(chart.secondary().lcl()).isZero();
        assertThat(chart.points()).hasSize(viscosity.length);
        assertThat(chart.secondary().points()).hasSize(viscosity.length - 1);
        assertThat(chart.secondary().points().get(0).label()).isEqualTo("2");
        assertThat(chart.secondary().points().get(0).value()).isCloseTo(Math.abs(viscosity[1] - viscosity[0]), within(1e-12));
    }

    @Test
    void refusesSubgroupsOfUnequalSizeNamingTheSubgroup() {
        List<Subgroup> subgroups = List.of(Subgroup.of("a", 1, 2, 3), Subgroup.of("b", 1, 2), Subgroup.of("c", 1, 2, 3));
        assertThatThrownBy(() -> VariablesCharts.xbarR(subgroups)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("subgroup b").hasMessageContaining("equal size");
        assertThatThrownBy(() -> VariablesCharts.xbarS(subgroups)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("subgroup b");
    }

    @Test
    void refusesSingleValuesOnXbarChartsAndSubgroupsOnIndividuals() {
        assertThatThrownBy(() -> VariablesCharts.xbarR(List.of(Subgroup.of("a", 1), Subgroup.of("b", 2))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("imr");
        assertThatThrownBy(() -> VariablesCharts.individuals(List.of(Subgroup.of("a", 1), Subgroup.of("b", 2, 3)), 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("subgroup b");
    }

    @Test
    void refusesNonFiniteAndEmptySubgroupsNamingThem() {
        assertThatThrownBy(() -> Subgroup.of("7", 1, Double.NaN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("subgroup 7").hasMessageContaining("NaN");
        assertThatThrownBy(() -> Subgroup.of("8", Double.POSITIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("subgroup 8");
        assertThatThrownBy(() -> Subgroup.of("9")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("subgroup 9 has no values");
        assertThatThrownBy(() -> VariablesCharts.individuals(new double[] {1, Double.NaN, 3}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("subgroup 2");
    }

    @Test
    void refusesPhase1OutOfRange() {
        List<Subgroup> subgroups = List.of(Subgroup.of("a", 1, 2), Subgroup.of("b", 3, 5));
        assertThatThrownBy(() -> VariablesCharts.xbarR(subgroups, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("phase1");
        assertThatThrownBy(() -> VariablesCharts.xbarR(subgroups, 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("phase1");
        assertThatThrownBy(() -> VariablesCharts.individuals(new double[] {1, 2, 3}, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("phase1");
        assertThatThrownBy(() -> VariablesCharts.xbarS(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void phase1DefaultsToAllSubgroups() {
        List<Subgroup> rings = Textbook.pistonrings();
        assertThat(VariablesCharts.xbarR(rings)).isEqualTo(VariablesCharts.xbarR(rings, 40));
        assertThat(VariablesCharts.xbarR(rings).phase1()).isEqualTo(40);
    }
}
