package io.cncvision.spc.capability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.cncvision.spc.SharedData;
import io.cncvision.spc.distribution.Distributions;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CapabilityTest {

    /** d2 for subgroups of 5, the published constant (e.g. Montgomery, Appendix VI, to 6 decimals). */
    private static final double D2_5 = 2.325929;
    private static final SpecLimits SPEC = SpecLimits.between(73.95, 74.05);

    private static double[] rings;
    private static double sigmaWithin;

    @BeforeAll
    static void pistonRingsTrialSubgroups() {
        // Montgomery's piston rings: the first 25 subgroups of 5 are the trial (phase I) data.
        rings = Arrays.copyOf(SharedData.column("spc/qcc/pistonrings.txt", "diameter"), 125);
        double rangeSum = 0;
        for (int g = 0; g < 25; g++) {
            double[] subgroup = Arrays.copyOfRange(rings, 5 * g, 5 * g + 5);
            rangeSum += Arrays.stream(subgroup).max().orElseThrow() - Arrays.stream(subgroup).min().orElseThrow();
        }
        sigmaWithin = rangeSum / 25 / D2_5;
    }

    @Test
    void pistonRingsReproduceTheTextbookCpAndPp() {
        CapabilityResult result = Capability.of(rings, sigmaWithin, SPEC);

        double mean = Arrays.stream(rings).sum() / 125;
        double s = Math.sqrt(Arrays.stream(rings).map(x -> (x - mean) * (x - mean)).sum() / 124);
        assertThat(result.cp()).isCloseTo(0.1 / (6 * sigmaWithin), within(1e-9 * result.cp()));
        assertThat(result.pp()).isCloseTo(0.1 / (6 * s), within(1e-9 * result.pp()));
        assertThat(result.pp()).isCloseTo(1.6551, within(0.00005));
        // With d2 = 2.325929 Cp is 1.70323; the 1.7033 is the same formula with the table's
        // rounded d2 = 2.326, which the next assertion reproduces to its printed precision.
        assertThat(result.cp()).isCloseTo(1.7032, within(0.00005));
        double sigmaWithTableD2 = sigmaWithin * D2_5 / 2.326;
        assertThat(Capability.of(rings, sigmaWithTableD2, SPEC).cp()).isCloseTo(1.7033, within(0.00005));
    }

    @Test
    void pistonRingsIndicesMatchAnIndependentImplementation() {
        // reference figures from numpy/scipy on the same 125 values and the same R̄/d2
        CapabilityResult result = Capability.of(rings, sigmaWithin, SPEC.withTarget(74.0));

        assertThat(result.n()).isEqualTo(125);
        assertThat(result.degreesOfFreedom()).isEqualTo(124);
        assertThat(result.mean()).isCloseTo(74.001176, within(1e-12));
        assertThat(result.sigmaWithin()).isCloseTo(0.009785337385621016, within(1e-15));
        assertThat(result.sigmaOverall()).isCloseTo(0.010069968126291413, within(1e-13));
        assertRelative(result.cpk(), 1.6631686803743058);
        assertRelative(result.ppk(), 1.6161587070141332);
        assertRelative(result.cpm(), 1.6439142488896417);
        assertRelative(result.cpCi().lower(), 1.4913653653407568);
        assertRelative(result.cpCi().upper(), 1.9147679285009362);
        assertRelative(result.ppCi().lower(), 1.4492114654253407);
        assertRelative(result.ppCi().upper(), 1.8606464251489827);
        assertRelative(result.cpkCi().lower(), 1.4480842729805874);
        assertRelative(result.cpkCi().upper(), 1.8782530877680241);
        assertRelative(result.ppkCi().lower(), 1.406698961474358);
        assertRelative(result.ppkCi().upper(), 1.8256184525539085);
        assertThat(result.normality().rejected()).isFalse();
        assertThat(result.method()).isEqualTo(CapabilityResult.NORMAL);
        assertThat(result.nonNormal()).isNull();
    }

    @Test
    void withoutTargetThereIsNoCpm() {
        assertThat(Capability.of(rings, sigmaWithin, SPEC).cpm()).isNull();
    }

    @Test
    void upperLimitOnlyGivesCpuAndPpuAndNoCpOrPp() {
        CapabilityResult result = Capability.of(rings, sigmaWithin, SpecLimits.atMost(74.05));

        assertThat(result.cp()).isNull();
        assertThat(result.pp()).isNull();
        assertThat(result.cpCi()).isNull();
        assertThat(result.ppCi()).isNull();
        assertThat(result.cpm()).isNull();
        assertRelative(result.cpk(), 1.6631686803743058);
        assertThat(result.cpkCi()).isNotNull();
    }

    @Test
    void lowerLimitOnlyGivesCplAndPpl() {
        CapabilityResult result = Capability.of(rings, sigmaWithin, SpecLimits.atLeast(73.95));

        assertThat(result.cp()).isNull();
        assertRelative(result.ppk(), 1.6940139683394582);
        assertThat(result.ppkCi().lower()).isLessThan(result.ppk()).isPositive();
    }

    @Test
    void skewedPositiveDataGetBoxCoxCapability() {
        // gamma(shape 2) quantiles at (i - 0.5)/200; references from scipy.stats.boxcox_normmax(method="mle")
        double[] x = new double[200];
        for (int i = 0; i < x.length; i++) {
            x[i] = Distributions.chiSquareQuantile((i + 0.5) / x.length, 4) / 2;
        }

        CapabilityResult result = Capability.of(x, 1.0, SpecLimits.between(0.05, 12.0));

        assertThat(result.normality().rejected()).isTrue();
        assertThat(result.method()).isEqualTo(CapabilityResult.BOX_COX);
        assertThat(result.nonNormal().boxCoxLambda()).isCloseTo(0.2988878290820442, within(1e-6));
        assertThat(result.nonNormal().pp()).isCloseTo(1.0834668473614169, within(1e-5));
        assertThat(result.nonNormal().ppk()).isCloseTo(0.9694108329764942, within(1e-5));
    }

    @Test
    void skewedDataWithNegativeValuesGetPercentileCapability() {
        // shifted exponential quantiles; references from numpy.quantile (its default is definition 7)
        double[] x = new double[200];
        for (int i = 0; i < x.length; i++) {
            x[i] = -Math.log1p(-(i + 0.5) / x.length) - 1;
        }

        CapabilityResult result = Capability.of(x, 1.0, SpecLimits.between(-1.5, 6.0));

        assertThat(result.normality().rejected()).isTrue();
        assertThat(result.method()).isEqualTo(CapabilityResult.PERCENTILE);
        assertThat(result.nonNormal().boxCoxLambda()).isNull();
        assertRelative(result.nonNormal().pp(), 1.3175301800656587);
        assertRelative(result.nonNormal().ppk(), 1.2605707087531282);
    }

    @Test
    void bimodalPositiveDataFallBackToPercentileBecauseBoxCoxCannotMakeThemNormal() {
        double[] x = new double[200];
        for (int i = 0; i < x.length; i++) {
            x[i] = (i < 100 ? 5 : 15) + 0.5 * Distributions.normalQuantile((i % 100 + 0.5) / 100);
        }

        CapabilityResult result = Capability.of(x, 1.0, SpecLimits.between(1, 20));

        assertThat(result.normality().rejected()).isTrue();
        assertThat(result.method()).isEqualTo(CapabilityResult.PERCENTILE);
    }

    @Test
    void skewedPositiveDataFallBackToPercentileWhenALimitIsNotPositive() {
        double[] x = new double[200];
        for (int i = 0; i < x.length; i++) {
            x[i] = Distributions.chiSquareQuantile((i + 0.5) / x.length, 4) / 2;
        }

        CapabilityResult result = Capability.of(x, 1.0, SpecLimits.between(0, 12.0));

        assertThat(result.method()).isEqualTo(CapabilityResult.PERCENTILE);
        assertThat(result.nonNormal().boxCoxLambda()).isNull();
    }

    @Test
    void percentileMethodServesOneSidedSpecifications() {
        double[] x = new double[200];
        for (int i = 0; i < x.length; i++) {
            x[i] = -Math.log1p(-(i + 0.5) / x.length) - 1;
        }

        CapabilityResult result = Capability.of(x, 1.0, SpecLimits.atMost(6.0));

        assertThat(result.method()).isEqualTo(CapabilityResult.PERCENTILE);
        assertThat(result.nonNormal().pp()).isNull();
        // (USL - median) / (X99.865 - median) with numpy's quantiles
        assertRelative(result.nonNormal().ppk(), (6.0 + 0.3068403192838021) / (4.696322355757334 + 0.3068403192838021));
    }

    @Test
    void refusesTooFewValues() {
        assertThatThrownBy(() -> Capability.of(new double[] {1, 2, 3}, 1, SPEC))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("capability needs at least 8 values, got 3");
    }

    @Test
    void refusesNonFiniteValuesNamingTheirPosition() {
        double[] x = {1, 2, 3, 4, Double.NaN, 6, 7, 8};
        assertThatThrownBy(() -> Capability.of(x, 1, SPEC))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("value 5 is not a finite number: NaN");
    }

    @Test
    void refusesAWithinSigmaThatIsNotPositive() {
        assertThatThrownBy(() -> Capability.of(rings, 0, SPEC))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sigmaWithin must be a finite number > 0");
    }

    @Test
    void refusesConstantValues() {
        double[] x = new double[10];
        Arrays.fill(x, 74.0);
        assertThatThrownBy(() -> Capability.of(x, 0.01, SPEC))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("capability needs values that are not all equal");
    }

    private static void assertRelative(Double actual, double expected) {
        assertThat(actual).isCloseTo(expected, within(1e-9 * Math.abs(expected)));
    }
}
