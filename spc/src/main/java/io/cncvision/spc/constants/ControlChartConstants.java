package io.cncvision.spc.constants;

import io.cncvision.spc.distribution.Distributions;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Shewhart control chart constants for any subgroup size n >= 2, computed from their definitions
 * rather than read from a table: d2 = E[R], d3 = sd(R) for the range R of n standard normals, and
 * c4 = E[S]/sigma. The factors follow Montgomery, Introduction to Statistical Quality Control,
 * Appendix VI. Computed values are cached per n.
 */
public final class ControlChartConstants {

    /** Half-width of the integration range; n Q(9) is below 1e-16 for every n up to 1e3. */
    private static final double HALF_RANGE = 9.0;
    private static final double PANEL = 0.5;
    private static final GaussLegendre RULE = new GaussLegendre(12);

    private static final ConcurrentMap<Integer, Double> D2 = new ConcurrentHashMap<>();
    private static final ConcurrentMap<Integer, Double> D3 = new ConcurrentHashMap<>();
    private static final ConcurrentMap<Integer, Double> C4 = new ConcurrentHashMap<>();

    private ControlChartConstants() {
    }

    /** d2(n): the expected range of n standard normal observations. */
    public static double d2(int n) {
        requireSize(n);
        return D2.computeIfAbsent(n, ControlChartConstants::computeD2);
    }

    /** d3(n): the standard deviation of the range of n standard normal observations. */
    public static double d3(int n) {
        requireSize(n);
        return D3.computeIfAbsent(n, ControlChartConstants::computeD3);
    }

    /** c4(n) = sqrt(2/(n-1)) Gamma(n/2) / Gamma((n-1)/2): the bias of the sample standard deviation. */
    public static double c4(int n) {
        requireSize(n);
        return C4.computeIfAbsent(n, k -> Math.sqrt(2.0 / (k - 1))
                * Math.exp(Distributions.logGamma(k / 2.0) - Distributions.logGamma((k - 1) / 2.0)));
    }

    /** A2 = 3 / (d2 sqrt n): X-bar limits from the mean range. */
    public static double a2(int n) {
        return 3 / (d2(n) * Math.sqrt(n));
    }

    /** A3 = 3 / (c4 sqrt n): X-bar limits from the mean standard deviation. */
    public static double a3(int n) {
        return 3 / (c4(n) * Math.sqrt(n));
    }

    /** D3 = max(0, 1 - 3 d3/d2): R chart lower limit factor. */
    public static double rangeLowerFactor(int n) {
        return Math.max(0, 1 - 3 * d3(n) / d2(n));
    }

    /** D4 = 1 + 3 d3/d2: R chart upper limit factor. */
    public static double rangeUpperFactor(int n) {
        return 1 + 3 * d3(n) / d2(n);
    }

    /** B3 = max(0, 1 - 3 sqrt(1 - c4^2)/c4): S chart lower limit factor. */
    public static double b3(int n) {
        double c4 = c4(n);
        return Math.max(0, 1 - 3 * Math.sqrt(1 - c4 * c4) / c4);
    }

    /** B4 = 1 + 3 sqrt(1 - c4^2)/c4: S chart upper limit factor. */
    public static double b4(int n) {
        double c4 = c4(n);
        return 1 + 3 * Math.sqrt(1 - c4 * c4) / c4;
    }

    private static void requireSize(int n) {
        if (n < 2) {
            throw new IllegalArgumentException("control chart constants need a subgroup size of at least 2, got " + n);
        }
    }

    /**
     * d2 = integral over the real line of 1 - (1 - Phi(x))^n - Phi(x)^n; the integrand is even, so
     * twice the integral over x >= 0, written with Q = 1 - Phi to keep its tail accurate.
     */
    private static double computeD2(int n) {
        return 2 * RULE.integrate(x -> {
            double q = Distributions.normalUpperTail(x);
            return -Math.expm1(n * Math.log1p(-q)) - Math.pow(q, n);
        }, 0, HALF_RANGE, PANEL);
    }

    /**
     * d3^2 = E[R^2] - d2^2 with E[R^2] = 2 * integral over x < y of P(min < x, max > y)
     * = 2 * int_0^inf dw int dx [1 - Phi(x+w)^n - (1 - Phi(x))^n + (Phi(x+w) - Phi(x))^n].
     */
    private static double computeD3(int n) {
        double secondMoment = 2 * RULE.integrate(w -> RULE.integrate(x -> {
            double lower = Distributions.normalCdf(x);
            double upper = Distributions.normalCdf(x + w);
            return 1 - Math.pow(upper, n) - Math.pow(1 - lower, n) + Math.pow(upper - lower, n);
        }, -HALF_RANGE - w / 2, HALF_RANGE - w / 2, 1.0), 0, 2 * HALF_RANGE, 1.0);
        double d2 = d2(n);
        return Math.sqrt(secondMoment - d2 * d2);
    }
}
