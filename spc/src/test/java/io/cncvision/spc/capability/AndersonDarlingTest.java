package io.cncvision.spc.capability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.cncvision.spc.SharedData;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AndersonDarlingTest {

    @ParameterizedTest(name = "A*² = {0} gives p = {1}")
    @CsvSource({
        // one value in each branch of D'Agostino and Stephens' formula, and at the branch points
        "0.1, 0.9961485285157409",
        "0.2, 0.8842497006682848",
        "0.3, 0.5825623136156668",
        "0.5, 0.20871199326901024",
        "0.8, 0.03832717900008685",
        "1.2, 0.003964736034531964"})
    void pValueFollowsDAgostinoAndStephens(double a2Star, double p) {
        assertThat(AndersonDarling.pValue(a2Star)).isCloseTo(p, within(1e-15));
    }

    @Test
    void pValueStaysAProbabilityFarInTheTail() {
        assertThat(AndersonDarling.pValue(200)).isZero();
        assertThat(AndersonDarling.pValue(0)).isBetween(0.99999, 1.0);
    }

    @Test
    void statisticOfASmallSampleMatchesAnIndependentImplementation() {
        // scipy.stats.anderson(x).statistic (uncorrected A², standard deviation with n - 1)
        double[] x = {2.1, 3.4, 1.9, 5.6, 4.4, 3.3, 2.8, 3.9, 4.1, 6.0};

        Normality normality = AndersonDarling.test(x);

        assertThat(normality.a2()).isCloseTo(0.19751733303211338, within(1e-12));
        assertThat(normality.a2Star()).isCloseTo(0.19751733303211338 * (1 + 0.075 + 0.0225), within(1e-12));
        assertThat(normality.pValue()).isEqualTo(AndersonDarling.pValue(normality.a2Star()));
        assertThat(normality.rejected()).isFalse();
    }

    @Test
    void skewedSampleIsRejected() {
        double[] x = {0.12, 0.35, 0.05, 1.9, 0.4, 0.22, 3.1, 0.08, 0.6, 0.15, 0.9, 0.03};

        Normality normality = AndersonDarling.test(x);

        assertThat(normality.a2()).isCloseTo(1.484177382599194, within(1e-12));
        assertThat(normality.rejected()).isTrue();
    }

    @Test
    void pistonRingsTrialSubgroupsAreNormal() {
        double[] d = Arrays.copyOf(SharedData.column("spc/qcc/pistonrings.txt", "diameter"), 125);

        Normality normality = AndersonDarling.test(d);

        assertThat(normality.a2()).isCloseTo(0.19101938332570967, within(1e-12));
        assertThat(normality.pValue()).isGreaterThan(0.8);
    }

    @Test
    void seededNormalSampleIsNotRejectedAndExponentialIs() {
        Random random = new Random(42);
        double[] normal = new double[200];
        double[] exponential = new double[200];
        for (int i = 0; i < normal.length; i++) {
            normal[i] = 10 + random.nextGaussian();
            exponential[i] = -Math.log(1 - random.nextDouble());
        }

        assertThat(AndersonDarling.test(normal).rejected()).isFalse();
        assertThat(AndersonDarling.test(exponential).pValue()).isLessThan(1e-6);
    }

    @Test
    void refusesTooFewOrConstantValues() {
        assertThatThrownBy(() -> AndersonDarling.test(new double[] {1, 2, 3}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 8 values, got 3");
        assertThatThrownBy(() -> AndersonDarling.test(new double[] {5, 5, 5, 5, 5, 5, 5, 5}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not all equal");
    }
}
