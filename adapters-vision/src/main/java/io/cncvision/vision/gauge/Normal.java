package io.cncvision.vision.gauge;

/** The standard normal density and distribution function, fast enough for per-sample edge fits. */
final class Normal {

    static final double INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

    private Normal() {
    }

    /** Abramowitz and Stegun 7.1.26 for erf, absolute error below 1.5e-7. */
    static double cdf(double z) {
        return cdf(z, Math.exp(-0.5 * z * z));
    }

    /** {@link #cdf(double)} given {@code exp(-z^2 / 2)}, which the caller has for the density anyway. */
    static double cdf(double z, double gauss) {
        double x = Math.abs(z) / Math.sqrt(2);
        double t = 1 / (1 + 0.3275911 * x);
        double poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
        double erf = 1 - poly * gauss;
        return z >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
    }
}
