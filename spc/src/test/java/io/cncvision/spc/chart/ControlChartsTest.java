package io.cncvision.spc.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ControlChartsTest {

    @Test
    void routesEveryVariablesChartByItsCommandLineName() {
        List<Subgroup> rings = Textbook.pistonrings();
        for (ChartType type : List.of(ChartType.XBAR_R, ChartType.XBAR_S, ChartType.EWMA, ChartType.CUSUM)) {
            ChartResult chart = ControlCharts.variables(ChartType.fromId(type.id()), rings, OptionalInt.of(25));
            assertThat(chart.chart()).isEqualTo(type.id());
            assertThat(chart.phase1()).isEqualTo(25);
            assertThat(chart.points()).hasSize(40);
        }
        List<Subgroup> singles = Arrays.stream(new double[] {1, 3, 2, 5}).mapToObj(v -> Subgroup.of("s" + v, v)).toList();
        assertThat(ControlCharts.variables(ChartType.IMR, singles, OptionalInt.empty()).phase1()).isEqualTo(4);
    }

    @Test
    void routesEveryAttributeChartAndDefaultsPhase1ToAll() {
        List<AttributeSample> samples = List.of(new AttributeSample("1", 3, 50), new AttributeSample("2", 5, 50));
        for (ChartType type : List.of(ChartType.P, ChartType.NP, ChartType.C, ChartType.U)) {
            ChartResult chart = ControlCharts.attributes(type, samples, OptionalInt.empty());
            assertThat(chart.chart()).isEqualTo(type.id());
            assertThat(chart.phase1()).isEqualTo(2);
        }
    }

    @Test
    void refusesAChartGivenTheWrongKindOfData() {
        assertThatThrownBy(() -> ControlCharts.attributes(ChartType.XBAR_R, List.of(), OptionalInt.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("measurements");
        assertThatThrownBy(() -> ControlCharts.variables(ChartType.P, List.of(), OptionalInt.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("counts");
        assertThatThrownBy(() -> ChartType.fromId("xbar")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("xbar-r");
    }
}
