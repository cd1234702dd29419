package io.cncvision.spc.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class AttributeChartsTest {

    private static final String ORANGEJUICE = "spc/qcc/orangejuice.txt";
    private static final String CIRCUIT = "spc/qcc/circuit.txt";

    private static Offset<Double> printed(int decimals) {
        return within(0.5 * Math.pow(10, -decimals) + 1e-15);
    }

    private static void assertRelative(double actual, double expected) {
        assertThat(Math.abs(actual - expected)).isLessThanOrEqualTo(1e-9 * Math.abs(expected));
    }

    @Test
    void orangejuicePChartFromTheTrialSamplesMatchesMontgomery() {
        List<AttributeSample> samples = Textbook.attributes(ORANGEJUICE, "sample", "D", "size");
        int trial = Textbook.trialRows(ORANGEJUICE);
        assertThat(trial).isEqualTo(30);

        ChartResult chart = AttributeCharts.p(samples, trial);

        double defectives = samples.subList(0, trial).stream().mapToDouble(AttributeSample::count).sum();
        double pBar = defectives / (50.0 * trial);
        assertRelative(chart.center(), pBar);
        assertRelative(chart.ucl(), pBar + 3 * Math.sqrt(pBar * (1 - pBar) / 50));
        assertRelative(chart.lcl(), pBar - 3 * Math.sqrt(pBar * (1 - pBar) / 50));
        assertThat(chart.center()).isCloseTo(0.2313, printed(4));
        assertThat(chart.lcl()).isCloseTo(0.0524, printed(4));
        assertThat(chart.ucl()).isCloseTo(0.4102, printed(4));
        assertThat(chart.points()).hasSize(samples.size());
        assertThat(chart.points().get(0).value()).isEqualTo(12 / 50.0);
        assertThat(chart.points()).allSatisfy(point -> assertThat(point.ucl()).isEqualTo(chart.ucl()));
        assertThat(chart.secondary()).isNull();
    }

    @Test
    void pChartGivesEachPointTheLimitsOfItsOwnSize() {
        List<AttributeSample> samples = List.of(new AttributeSample("1", 10, 100), new AttributeSample("2", 2, 25),
                new AttributeSample("3", 0, 400));

        ChartResult chart = AttributeCharts.p(samples, 3);

        double pBar = 12.0 / 525;
        assertRelative(chart.center(), pBar);
        for (ChartPoint point : chart.points()) {
            double n = samples.get(chart.points().indexOf(point)).size();
            assertRelative(point.ucl(), pBar + 3 * Math.sqrt(pBar * (1 - pBar) / n));
            assertThat(point.lcl()).isEqualTo(Math.max(0, pBar - 3 * Math.sqrt(pBar * (1 - pBar) / n)));
        }
        assertThat(chart.points().get(1).lcl()).isZero();
        assertThat(chart.points().get(2).lcl()).isPositive();
        // the chart-level limits are those of the average phase-I size, 175
        assertRelative(chart.ucl(), pBar + 3 * Math.sqrt(pBar * (1 - pBar) / 175));
    }

    @Test
    void orangejuiceNpChartFromTheTrialSamples() {
        List<AttributeSample> samples = Textbook.attributes(ORANGEJUICE, "sample", "D", "size");

        ChartResult chart = AttributeCharts.np(samples, 30);

        double pBar = 347 / 1500.0;
        assertRelative(chart.center(), 50 * pBar);
        assertRelative(chart.ucl(), 50 * pBar + 3 * Math.sqrt(50 * pBar * (1 - pBar)));
        assertRelative(chart.lcl(), 50 * pBar - 3 * Math.sqrt(50 * pBar * (1 - pBar)));
        assertThat(chart.center()).isCloseTo(11.57, printed(2));
        assertThat(chart.points().get(0).value()).isEqualTo(12);
    }

    @Test
    void circuitCChartFromTheTrialSamplesMatchesMontgomery() {
        List<AttributeSample> samples = Textbook.attributes(CIRCUIT, "sample", "x", "size");
        int trial = Textbook.trialRows(CIRCUIT);
        assertThat(trial).isEqualTo(26);

        ChartResult chart = AttributeCharts.c(samples, trial);

        double cBar = samples.subList(0, trial).stream().mapToDouble(AttributeSample::count).average().orElseThrow();
        assertRelative(chart.center(), cBar);
        assertRelative(chart.ucl(), cBar + 3 * Math.sqrt(cBar));
        assertRelative(chart.lcl(), cBar - 3 * Math.sqrt(cBar));
        assertRelative(chart.sigma(), Math.sqrt(cBar));
        assertThat(chart.center()).isCloseTo(19.85, printed(2));
        assertThat(chart.lcl()).isCloseTo(6.48, printed(2));
        // exactly 33.2109; Montgomery prints 33.22 from c-bar rounded to 19.85 first
        assertThat(19.85 + 3 * Math.sqrt(19.85)).isCloseTo(33.22, printed(2));
        assertThat(chart.ucl()).isCloseTo(33.22, within(0.01));
        assertThat(chart.points().stream().filter(ChartPoint::beyondLimits).map(ChartPoint::label))
                .containsExactly("6", "20");
    }

    @Test
    void uChartGivesEachPointTheLimitsOfItsOwnUnits() {
        List<AttributeSample> samples = List.of(new AttributeSample("1", 3, 2), new AttributeSample("2", 5, 4),
                new AttributeSample("3", 2, 1), new AttributeSample("4", 30, 2));

        ChartResult chart = AttributeCharts.u(samples, 3);

        double uBar = 10.0 / 7;
        assertRelative(chart.center(), uBar);
        assertRelative(chart.points().get(0).ucl(), uBar + 3 * Math.sqrt(uBar / 2));
        assertRelative(chart.points().get(1).ucl(), uBar + 3 * Math.sqrt(uBar / 4));
        assertThat(chart.points().get(2).lcl()).isZero();
        assertThat(chart.points().get(3).value()).isEqualTo(15);
        assertThat(chart.points().get(3).beyondLimits()).isTrue();
        assertRelative(chart.ucl(), uBar + 3 * Math.sqrt(uBar / (7 / 3.0)));
    }

    @Test
    void npAndCRefuseVaryingSizesNamingTheSample() {
        List<AttributeSample> samples = List.of(new AttributeSample("1", 3, 50), new AttributeSample("2", 5, 60));
        assertThatThrownBy(() -> AttributeCharts.np(samples, 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("constant sample size").hasMessageContaining("subgroup 2")
                .hasMessageContaining("p chart");
        assertThatThrownBy(() -> AttributeCharts.c(samples, 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("subgroup 2").hasMessageContaining("u chart");
    }

    @Test
    void refusesMoreDefectivesThanItemsAndBadSizes() {
        List<AttributeSample> samples = List.of(new AttributeSample("1", 3, 50), new AttributeSample("2", 51, 50));
        assertThatThrownBy(() -> AttributeCharts.p(samples, 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("subgroup 2");
        assertThatThrownBy(() -> AttributeCharts.np(samples, 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("subgroup 2");
        assertThatThrownBy(() -> new AttributeSample("x", 1, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("subgroup x");
        assertThatThrownBy(() -> new AttributeSample("y", -1, 5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("subgroup y");
        assertThatThrownBy(() -> new AttributeSample("z", Double.NaN, 5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("subgroup z");
        assertThatThrownBy(() -> AttributeCharts.u(samples, 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("phase1");
    }
}
