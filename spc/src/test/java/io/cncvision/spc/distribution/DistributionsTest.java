package io.cncvision.spc.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DistributionsTest {

    @Test
    void logGammaMatchesFactorialsAndRootPi() {
        assertThat(Distributions.logGamma(10)).isCloseTo(Math.log(362880), within(1e-13));
        assertThat(Distributions.logGamma(0.5)).isCloseTo(0.5 * Math.log(Math.PI), within(1e-14));
        assertThat(Distributions.logGamma(1)).isCloseTo(0, within(1e-14));
    }

    @Test
    void normalTailsMatchReferenceValues() {
        assertThat(Distributions.normalCdf(1)).isCloseTo(0.8413447460685429, within(1e-15));
        assertThat(Distributions.normalUpperTail(3)).isCloseTo(1.3498980316300946e-3, within(1e-16));
        assertThat(Distributions.normalUpperTail(5) / 2.866515718791939e-7).isCloseTo(1, within(1e-13));
        // no step in the tail around x = 3 (where the constants' own implementation used to switch)
        assertThat(Distributions.normalUpperTail(2.9999999) - Distributions.normalUpperTail(3.0000001))
                .isCloseTo(2e-7 * Distributions.normalDensity(3), within(1e-16));
        assertThat(Distributions.normalCdf(-2)).isCloseTo(0.022750131948179209, within(1e-16));
    }

    @Test
    void logGammaMatchesFactorialsAndHalfIntegers() {
        assertThat(Distributions.logGamma(0.5)).isCloseTo(Math.log(Math.sqrt(Math.PI)), within(1e-14));
        assertThat(Distributions.logGamma(11)).isCloseTo(Math.log(3628800), within(1e-12));
        for (double x = 0.25; x < 30; x += 0.5) {
            assertThat(Distributions.logGamma(x + 1)).isCloseTo(Distributions.logGamma(x) + Math.log(x), within(1e-12));
        }
    }

    @Test
    void logGammaIsAccurateNearZeroAndNearTheLargestFactorial() {
        // mpmath at 40 digits
        assertThat(Distributions.logGamma(1e-3)).isCloseTo(6.907178885383853, within(1e-15));
        assertThat(Distributions.logGamma(171.5)).isCloseTo(709.1431630309282, within(2e-14));
    }

    @Test
    void normalTailsKeepTheirRelativePrecision() {
        // mpmath at 40 digits; the lower tail is computed directly, never as 1 - Φ
        assertThat(Distributions.normalCdf(1.96)).isCloseTo(0.9750021048517795, within(1e-16));
        assertThat(Distributions.normalCdf(-8) / 6.220960574271784e-16).isCloseTo(1, within(1e-15));
        assertThat(Distributions.normalUpperTail(8) / 6.220960574271784e-16).isCloseTo(1, within(1e-15));
        assertThat(Distributions.normalCdf(-30) / 4.906713927148187e-198).isCloseTo(1, within(1e-13));
        // the series (below x = √3 for a = 1/2) and the continued fraction meet without a step
        double root3 = Math.sqrt(3);
        assertThat(Distributions.normalUpperTail(root3 - 1e-7) - Distributions.normalUpperTail(root3 + 1e-7))
                .isCloseTo(2e-7 * Distributions.normalDensity(root3), within(1e-15));
    }

    @Test
    void normalTailsAreExactAtTheEnds() {
        assertThat(Distributions.normalCdf(Double.NEGATIVE_INFINITY)).isZero();
        assertThat(Distributions.normalCdf(Double.POSITIVE_INFINITY)).isEqualTo(1);
        assertThat(Distributions.normalUpperTail(41)).isZero();
        assertThat(Distributions.normalUpperTail(-41)).isEqualTo(1);
        assertThat(Distributions.normalCdf(Double.NaN)).isNaN();
    }

    @Test
    void incompleteGammaMatchesClosedForms() {
        for (double x : new double[] {0.01, 0.5, 1, 2, 5, 20}) {
            // P(1, x) = 1 - e^-x, exactly
            assertThat(Distributions.regularizedGammaP(1, x)).isCloseTo(-Math.expm1(-x), within(1e-15));
            assertThat(Distributions.regularizedGammaQ(1, x)).isCloseTo(Math.exp(-x), within(1e-15));
        }
        // P(1/2, 1) = erf(1)
        assertThat(Distributions.regularizedGammaP(0.5, 1)).isCloseTo(0.8427007929497149, within(1e-15));
    }

    @Test
    void normalCdfMatchesPublishedValues() {
        assertThat(Distributions.normalCdf(0)).isEqualTo(0.5);
        assertThat(Distributions.normalCdf(1.959963984540054)).isCloseTo(0.975, within(1e-15));
        assertThat(Distributions.normalCdf(-3)).isCloseTo(0.0013498980316300946, within(1e-17));
        assertThat(Distributions.normalCdf(3)).isCloseTo(0.9986501019683699, within(1e-15));
        assertThat(Distributions.normalCdf(-10)).isCloseTo(7.619853024160527e-24, within(1e-36));
    }

    @ParameterizedTest
    @CsvSource({
        "0.975, 1.959963984540054",
        "0.025, -1.959963984540054",
        "0.5, 0",
        "0.95, 1.6448536269514722",
        "0.99865010196837, 3.0",
        "0.001, -3.090232306167813",
        "1e-10, -6.361340902404056"})
    void normalQuantileMatchesPublishedValues(double p, double z) {
        assertThat(Distributions.normalQuantile(p)).isCloseTo(z, within(1e-12 * Math.max(1, Math.abs(z))));
    }

    @ParameterizedTest
    @CsvSource({
        // published table values (printed to 3 decimals), e.g. Montgomery Appendix III
        "0.025, 24, 12.401",
        "0.975, 24, 39.364",
        "0.025, 10, 3.247",
        "0.975, 10, 20.483",
        "0.025, 30, 16.791",
        "0.975, 30, 46.979",
        "0.025, 100, 74.222",
        "0.975, 100, 129.561",
        "0.975, 1, 5.024"})
    void chiSquareQuantileMatchesTableToPrintedPrecision(double p, double dof, double table) {
        assertThat(Distributions.chiSquareQuantile(p, dof)).isCloseTo(table, within(0.0005));
    }

    @Test
    void chiSquareQuantileFor124DegreesOfFreedomMatchesAnIndependentImplementation() {
        // scipy.stats.chi2.ppf(0.025, 124) and (0.975, 124); the "about 95.6" sometimes quoted is
        // off by half a unit, the Wilson-Hilferty estimate already gives 95.07.
        assertThat(Distributions.chiSquareQuantile(0.025, 124)).isCloseTo(95.07008897234516, within(1e-10));
        assertThat(Distributions.chiSquareQuantile(0.975, 124)).isCloseTo(156.71410382967215, within(1e-10));
    }

    @Test
    void chiSquareQuantileIsExactWithTwoDegreesOfFreedom() {
        // With ν = 2 the CDF is 1 - e^{-x/2}, so the quantile is -2 ln(1 - p).
        for (double p : new double[] {0.001, 0.025, 0.5, 0.975, 0.999}) {
            assertThat(Distributions.chiSquareQuantile(p, 2))
                    .isCloseTo(-2 * Math.log1p(-p), within(1e-13 * -2 * Math.log1p(-p)));
        }
    }

    @Test
    void chiSquareQuantileInvertsTheCdfToFullPrecision() {
        // 1e-12: the CDF itself carries about 1e-13 rounding at ν ~ 1000 (exp of terms near 3000)
        for (double dof : new double[] {1, 4, 24, 124, 999}) {
            for (double p : new double[] {0.005, 0.025, 0.5, 0.975, 0.995}) {
                double x = Distributions.chiSquareQuantile(p, dof);
                assertThat(Distributions.regularizedGammaP(dof / 2, x / 2)).isCloseTo(p, within(1e-12));
            }
        }
    }

    @Test
    void logGammaRefusesArgumentsThatAreNotFiniteAndPositive() {
        for (double x : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> Distributions.logGamma(x))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("finite x > 0");
        }
    }

    @Test
    void refusesProbabilitiesOutsideTheOpenUnitInterval() {
        assertThatThrownBy(() -> Distributions.normalQuantile(1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0 < p < 1");
        assertThatThrownBy(() -> Distributions.chiSquareQuantile(0, 5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0 < p < 1");
        assertThatThrownBy(() -> Distributions.chiSquareQuantile(0.5, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("degrees of freedom");
    }
}
