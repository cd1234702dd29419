package io.cncvision.spc.constants;

import static io.cncvision.spc.constants.ControlChartConstants.a2;
import static io.cncvision.spc.constants.ControlChartConstants.a3;
import static io.cncvision.spc.constants.ControlChartConstants.b3;
import static io.cncvision.spc.constants.ControlChartConstants.b4;
import static io.cncvision.spc.constants.ControlChartConstants.c4;
import static io.cncvision.spc.constants.ControlChartConstants.d2;
import static io.cncvision.spc.constants.ControlChartConstants.d3;
import static io.cncvision.spc.constants.ControlChartConstants.rangeLowerFactor;
import static io.cncvision.spc.constants.ControlChartConstants.rangeUpperFactor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ControlChartConstantsTest {

    @Test
    void d2OfTwoIsTwoOverRootPi() {
        assertThat(d2(2)).isCloseTo(2 / Math.sqrt(Math.PI), within(1e-13));
    }

    @Test
    void d3OfTwoIsExact() {
        // R = |X1 - X2| ~ sqrt(2)|Z|: E[R^2] = 2, so d3 = sqrt(2 - 4/pi)
        assertThat(d3(2)).isCloseTo(Math.sqrt(2 - 4 / Math.PI), within(1e-10));
    }

    @Test
    void constantsMatchPublishedTables() {
        assertThat(d2(3)).isCloseTo(1.692569, within(5e-7));
        assertThat(d2(5)).isCloseTo(2.325929, within(5e-7));
        assertThat(d2(10)).isCloseTo(3.077505, within(5e-7));
        assertThat(d2(25)).isCloseTo(3.931, within(5e-4));
        // 0.864 in the printed tables; 0.8640819411 by an independent quadrature of the range density
        assertThat(d3(5)).isCloseTo(0.8640819411, within(1e-9));
        assertThat(d3(3)).isCloseTo(0.888, within(5e-4));
        assertThat(d3(10)).isCloseTo(0.797, within(5e-4));
        assertThat(d3(25)).isCloseTo(0.708, within(5e-4));
        assertThat(c4(5)).isCloseTo(0.939986, within(5e-7));
        assertThat(c4(25)).isCloseTo(0.989640, within(5e-7));
        assertThat(a2(5)).isCloseTo(0.577, within(5e-4));
        assertThat(rangeLowerFactor(5)).isZero();
        assertThat(rangeUpperFactor(5)).isCloseTo(2.114, within(5e-4));
        assertThat(rangeLowerFactor(10)).isCloseTo(0.223, within(5e-4));
        assertThat(rangeUpperFactor(2)).isCloseTo(3.267, within(5e-4));
        assertThat(a3(5)).isCloseTo(1.427, within(5e-4));
        assertThat(b3(5)).isZero();
        assertThat(b4(5)).isCloseTo(2.089, within(5e-4));
        assertThat(b3(10)).isCloseTo(0.284, within(5e-4));
        assertThat(b4(25)).isCloseTo(1.435, within(5e-4));
    }

    @ParameterizedTest
    @CsvSource({
        "2, 1.128379167095512, 0.852502466427422",
        "3, 1.692568750643268, 0.888368004045206",
        "7, 2.704356751213808, 0.833205335622297",
        "15, 3.471826889882075, 0.756211429727949",
        "25, 3.930629219507112, 0.708440765888684",
        "50, 4.498147258779701, 0.652142588429968"})
    void d2AndD3AgreeWithAnIndependentQuadratureOfTheRangeDensity(int n, double expectedD2, double expectedD3) {
        // reference: scipy quad of 1 - Q^n - (1-Q)^n for d2 and of w^2 times the density of the range for d3
        assertThat(d2(n)).isCloseTo(expectedD2, within(1e-10 * expectedD2));
        assertThat(d3(n)).isCloseTo(expectedD3, within(1e-9 * expectedD3));
    }

    @Test
    void c4FromLogGammaAgreesWithTheGammaRecursion() {
        // Gamma(n/2)/Gamma((n-1)/2) = r(n); r(2) = 1/sqrt(pi), r(n+1) = ((n-1)/2) / r(n)
        double ratio = 1 / Math.sqrt(Math.PI);
        for (int n = 2; n <= 50; n++) {
            assertThat(c4(n)).isCloseTo(Math.sqrt(2.0 / (n - 1)) * ratio, within(1e-12));
            ratio = ((n - 1) / 2.0) / ratio;
        }
    }

    @Test
    void constantsGrowSensiblyUpToFifty() {
        for (int n = 3; n <= 50; n++) {
            assertThat(d2(n)).isGreaterThan(d2(n - 1));
            // d3 rises from n = 2 to n = 3, then falls
            assertThat(d3(n)).isPositive();
            if (n >= 4) {
                assertThat(d3(n)).isLessThan(d3(n - 1));
            }
            assertThat(c4(n)).isGreaterThan(c4(n - 1)).isLessThan(1);
        }
        assertThat(d2(50)).isCloseTo(4.498, within(5e-4));
    }

    @Test
    void refusesSizesBelowTwo() {
        assertThatThrownBy(() -> d2(1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 2");
    }
}
