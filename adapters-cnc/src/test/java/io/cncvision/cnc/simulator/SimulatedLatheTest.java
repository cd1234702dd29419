package io.cncvision.cnc.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulatedLatheTest {

    static final Instant T0 = Instant.parse("2026-11-25T06:00:00Z");
    static final Duration PART = SimulatedLathe.CYCLE.plus(SimulatedLathe.LOAD);

    /** The bores of the parts made in {@code duration}, in order. */
    static List<Double> bores(SimulatedLathe lathe, Duration duration) {
        List<Double> bores = new ArrayList<>();
        long[] count = {lathe.state().partCount()};
        lathe.onChange(state -> {
            if (state.partCount() > count[0]) {
                count[0] = state.partCount();
                bores.add(state.lastBore());
            }
        });
        lathe.advance(duration);
        return bores;
    }

    @Test
    void theSameSeedMakesTheSameParts() {
        List<Double> first = bores(new SimulatedLathe(7, T0), Duration.ofHours(1));
        List<Double> second = bores(new SimulatedLathe(7, T0), Duration.ofHours(1));

        assertThat(first).isNotEmpty().isEqualTo(second);
        assertThat(bores(new SimulatedLathe(8, T0), Duration.ofHours(1))).isNotEqualTo(first);
    }

    @Test
    void toolWearMakesTheBoreGrowAndAnOffsetBringsItBack() {
        SimulatedLathe lathe = new SimulatedLathe(3, T0);
        List<Double> worn = bores(lathe, Duration.ofHours(2));
        double early = worn.subList(0, 20).stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double late = worn.subList(worn.size() - 20, worn.size()).stream().mapToDouble(Double::doubleValue).average()
                .orElseThrow();
        // WEAR_PER_PART over the parts between the two groups of twenty
        assertThat(late - early).isCloseTo((worn.size() - 20) * SimulatedLathe.WEAR_PER_PART, within(0.004));

        // an offset of -0.05 mm: the next five parts are 0.05 smaller, less the wear of five parts in between
        double before = worn.subList(worn.size() - 5, worn.size()).stream().mapToDouble(Double::doubleValue).average()
                .orElseThrow();
        assertThat(lathe.writeOffset(SimulatedLathe.WEAR_OFFSET, -0.05)).isTrue();
        List<Double> corrected = bores(lathe, PART.multipliedBy(10));
        double after = corrected.subList(0, 5).stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        assertThat(after - before).isCloseTo(-0.05 + 5 * SimulatedLathe.WEAR_PER_PART, within(0.005));
    }

    @Test
    void anUnknownOffsetIsRefused() {
        SimulatedLathe lathe = new SimulatedLathe(3, T0);

        assertThat(lathe.writeOffset("T9.wear.x", 0.1)).isFalse();
        assertThat(lathe.writeOffset(SimulatedLathe.WEAR_OFFSET, Double.NaN)).isFalse();
        assertThat(lathe.offset(SimulatedLathe.WEAR_OFFSET)).isZero();
    }

    @Test
    void itCyclesBetweenCuttingAndLoadingAndRaisesAlarmsNowAndThen() {
        SimulatedLathe lathe = new SimulatedLathe(11, T0);
        List<String> executions = new ArrayList<>();
        List<String> alarms = new ArrayList<>();
        lathe.onChange(state -> {
            if (executions.isEmpty() || !executions.get(executions.size() - 1).equals(state.execution())) {
                executions.add(state.execution());
            }
            state.alarms().keySet().stream().filter(code -> !alarms.contains(code)).forEach(alarms::add);
        });
        lathe.advance(Duration.ofHours(8));

        assertThat(executions).contains("ACTIVE", "READY");
        assertThat(lathe.state().partCount()).isBetween(1000L, 1200L);
        assertThat(alarms).contains("COOLANT_LOW");
        assertThat(lathe.state().time()).isEqualTo(T0.plus(Duration.ofHours(8)));
    }

    @Test
    void onAWallClockItMakesPartsAsFastAsItIsAdvancedButReportsTheClocksTime() {
        java.time.Clock clock = java.time.Clock.fixed(T0, java.time.ZoneOffset.UTC);
        SimulatedLathe lathe = SimulatedLathe.onWallClock(3, clock);

        lathe.advance(PART.multipliedBy(5));

        assertThat(lathe.state().partCount()).isEqualTo(5);
        assertThat(lathe.state().time()).isEqualTo(T0);
    }

    @Test
    void eachPartMadeIsNamedBySeedAndCountAndNoneBeforeTheFirst() {
        SimulatedLathe lathe = new SimulatedLathe(7, T0);
        assertThat(lathe.state().partSerial()).isNull();

        lathe.advance(PART.multipliedBy(2));

        assertThat(lathe.state().partCount()).isEqualTo(2);
        assertThat(lathe.state().partSerial()).isEqualTo("SIM7-000002").isEqualTo(SimulatedLathe.partSerial(7, 2));
        assertThat(SimulatedLathe.partSerial(-3, 1234567)).isEqualTo("SIM-3-1234567");
    }
}
