package io.cncvision.spc.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class PhaseTwoPropertiesTest {

    private static List<Subgroup> series(long seed, int count, int size, double shiftAfter) {
        Random random = new Random(seed);
        List<Subgroup> subgroups = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            double[] values = new double[size];
            for (int j = 0; j < size; j++) {
                values[j] = 50 + random.nextGaussian() + (i >= shiftAfter ? 3 : 0);
            }
            subgroups.add(new Subgroup("g" + (i + 1), values));
        }
        return subgroups;
    }

    @Property(tries = 50)
    void laterSubgroupsNeverMoveTheFrozenLimits(@ForAll long seed, @ForAll @IntRange(min = 2, max = 20) int phase1,
            @ForAll @IntRange(min = 1, max = 8) int size, @ForAll @IntRange(min = 0, max = 15) int later) {
        List<Subgroup> baseline = series(seed, phase1, size, Double.POSITIVE_INFINITY);
        List<Subgroup> all = new ArrayList<>(baseline);
        all.addAll(series(seed + 1, later, size, 0));
        for (ChartType type : ChartType.values()) {
            if (!takes(type, size)) {
                continue;
            }
            ChartResult frozen = ControlCharts.variables(type, baseline, OptionalInt.empty());
            ChartResult judged = ControlCharts.variables(type, all, OptionalInt.of(phase1));
            assertThat(judged.center()).isEqualTo(frozen.center());
            assertThat(judged.lcl()).isEqualTo(frozen.lcl());
            assertThat(judged.ucl()).isEqualTo(frozen.ucl());
            assertThat(judged.sigma()).isEqualTo(frozen.sigma());
            assertThat(judged.points()).hasSize(phase1 + later).startsWith(frozen.points().toArray(ChartPoint[]::new));
        }
    }

    /** I-MR takes single values, X-bar charts subgroups of two or more, EWMA and CUSUM either. */
    private static boolean takes(ChartType type, int size) {
        return switch (type) {
            case IMR -> size == 1;
            case XBAR_R, XBAR_S -> size >= 2;
            case EWMA, CUSUM -> true;
            default -> false;
        };
    }

    @Property(tries = 50)
    void limitsMoveWithTheUnitsOfMeasurement(@ForAll long seed, @ForAll @IntRange(min = 2, max = 10) int size) {
        List<Subgroup> subgroups = series(seed, 20, size, Double.POSITIVE_INFINITY);
        List<Subgroup> inMicrons = subgroups.stream().map(subgroup -> {
            double[] values = subgroup.values();
            for (int i = 0; i < values.length; i++) {
                values[i] = 1000 * values[i] - 7;
            }
            return new Subgroup(subgroup.label(), values);
        }).toList();
        ChartResult mm = VariablesCharts.xbarS(subgroups);
        ChartResult um = VariablesCharts.xbarS(inMicrons);
        assertThat(um.center()).isCloseTo(1000 * mm.center() - 7, within(1e-8));
        assertThat(um.ucl()).isCloseTo(1000 * mm.ucl() - 7, within(1e-8));
        assertThat(um.sigma()).isCloseTo(1000 * mm.sigma(), within(1e-9));
        assertThat(um.secondary().ucl()).isCloseTo(1000 * mm.secondary().ucl(), within(1e-9));
    }
}
