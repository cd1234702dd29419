package io.cncvision.spc.constants;

/** The standard normal distribution, accurate to about 1e-15 relative in both tails. */
public final class StandardNormal {

    private static final double SQRT_PI = Math.sqrt(Math.PI);

    private StandardNormal() {
    }

    /** Density phi(x). */
    public static double density(double x) {
        return Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
    }

    /** Phi(x) = P(Z <= x). */
    public static double cdf(double x) {
        return x < 0 ? upperTail(-x) : 1 - upperTail(x);
    }

    /** Q(x) = P(Z > x) = 1 - Phi(x), without the cancellation of computing 1 - Phi for large x. */
    public static double upperTail(double x) {
        if (Double.isNaN(x)) {
            return Double.NaN;
        }
        if (x < 0) {
            return 1 - upperTail(-x);
        }
        double z = x / Math.sqrt(2);
        if (x < 3) {
            // erf(z) = 2/sqrt(pi) exp(-z^2) sum_k (2z^2)^k z / (1*3*...*(2k+1)): all terms positive
            double term = z;
            double sum = z;
            for (int k = 1; term > 1e-17 * sum; k++) {
                term *= 2 * z * z / (2 * k + 1);
                sum += term;
            }
            return 0.5 * (1 - 2 / SQRT_PI * Math.exp(-z * z) * sum);
        }
        if (x > 40) {
            return 0;
        }
        // erfc(z) = exp(-z^2)/sqrt(pi) / (z + (1/2)/(z + 1/(z + (3/2)/(z + ...)))), evaluated backwards
        double t = z;
        for (int k = 300; k >= 1; k--) {
            t = z + (k / 2.0) / t;
        }
        return 0.5 * Math.exp(-z * z) / (SQRT_PI * t);
    }
}
