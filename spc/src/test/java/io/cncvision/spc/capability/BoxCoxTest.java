package io.cncvision.spc.capability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.cncvision.spc.distribution.Distributions;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BoxCoxTest {

    @Test
    void recoversLambdaNearZeroOnLognormalData() {
        Random random = new Random(20261125);
        double[] x = new double[1000];
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.exp(1 + 0.5 * random.nextGaussian());
        }

        assertThat(BoxCox.lambda(x)).isCloseTo(0, within(0.1));
    }

    @Test
    void recoversLambdaNearOneOnNormalData() {
        Random random = new Random(20261125);
        double[] x = new double[1000];
        for (int i = 0; i < x.length; i++) {
            x[i] = 10 + 2 * random.nextGaussian();
        }

        assertThat(BoxCox.lambda(x)).isCloseTo(1, within(0.15));
    }

    @Test
    void lambdaOfSymmetricLognormalQuantilesIsZero() {
        // exp(1 + 0.5 z) at normal quantiles: the logs are symmetric, so d/dλ var(y_λ) at λ = 0, which
        // is cov(u, u²) of the centred logs u, vanishes and λ = 0 exactly. (scipy's
        // boxcox_normmax(x, method="mle") stops at 3.7e-6, within its optimizer's tolerance.)
        double[] x = new double[200];
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.exp(0.5 * Distributions.normalQuantile((i + 0.5) / x.length) + 1);
        }

        assertThat(BoxCox.lambda(x)).isCloseTo(0, within(1e-6));
    }

    @Test
    void lambdaIsTheMaximumToFullPrecisionNotOnlyWithinTheSearchTolerance() {
        // (x^p)^(λ/p) = x^λ, so the profile likelihood of x^p at λ/p is that of x at λ plus a constant
        // and the exponent of x^p is exactly the exponent of x divided by p. A search that only
        // brackets a flat maximum places it to about 1e-8, differently for the two data sets.
        Random random = new Random(7);
        double[] x = new double[80];
        double[] squared = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.exp(0.2 + 0.5 * random.nextGaussian());
            squared[i] = x[i] * x[i];
        }

        double lambda = BoxCox.lambda(x);

        assertThat(BoxCox.lambda(squared)).isCloseTo(lambda / 2, within(1e-12 * Math.abs(lambda)));
    }

    @Test
    void transformIsTheLogarithmAtZeroAndContinuousAroundIt() {
        assertThat(BoxCox.transform(Math.E, 0)).isEqualTo(1);
        assertThat(BoxCox.transform(Math.E, 1e-12)).isCloseTo(1, within(1e-11));
        assertThat(BoxCox.transform(3, 1)).isCloseTo(2, within(1e-15));
        assertThat(BoxCox.transform(4, -1)).isCloseTo(0.75, within(1e-15));
    }

    @Test
    void refusesValuesThatAreNotPositive() {
        assertThatThrownBy(() -> BoxCox.lambda(new double[] {1, 2, 0, 4}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("the Box-Cox transformation needs positive values, got 0.0");
    }
}
