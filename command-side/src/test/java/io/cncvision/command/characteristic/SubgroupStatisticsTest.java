package io.cncvision.command.characteristic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class SubgroupStatisticsTest {

    @Test
    void standardDeviationIsTheSampleOneWithNMinusOne() {
        SubgroupStatistics statistics = SubgroupStatistics.of(List.of(2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0));

        assertThat(statistics.mean()).isEqualTo(5.0);
        assertThat(statistics.range()).isEqualTo(7.0);
        // Squared deviations sum to 32; the population deviation would be exactly 2.
        assertThat(statistics.standardDeviation()).isEqualTo(Math.sqrt(32.0 / 7));
    }

    @Test
    void aSingleValueHasNoSpread() {
        SubgroupStatistics statistics = SubgroupStatistics.of(List.of(10.013));

        assertThat(statistics.mean()).isEqualTo(10.013);
        assertThat(statistics.range()).isZero();
        assertThat(statistics.standardDeviation()).isZero();
    }

    @Test
    void aTightSubgroupFarFromZeroKeepsItsSpread() {
        // Values a few micrometres apart, far from zero: sum(x^2) - n*mean^2 would cancel the spread away.
        SubgroupStatistics statistics = SubgroupStatistics.of(List.of(100000.001, 100000.002, 100000.003));

        assertThat(statistics.standardDeviation()).isCloseTo(0.001, within(1e-9));
        assertThat(statistics.range()).isCloseTo(0.002, within(1e-9));
    }

    @Test
    void refusesAnEmptySubgroup() {
        assertThatIllegalArgumentException().isThrownBy(() -> SubgroupStatistics.of(List.of()));
    }
}
