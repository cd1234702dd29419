package io.cncvision.spc.capability;

import java.util.Arrays;

/** Sample statistics shared by the capability computations. */
final class Samples {

    private Samples() {
    }

    static double mean(double[] x) {
        double sum = 0;
        for (double v : x) {
            sum += v;
        }
        double mean = sum / x.length;
        // one corrective pass (two-pass mean) so that data far from zero keeps its digits
        double correction = 0;
        for (double v : x) {
            correction += v - mean;
        }
        return mean + correction / x.length;
    }

    /** The sample standard deviation with n - 1 in the denominator. */
    static double standardDeviation(double[] x, double mean) {
        double squares = 0;
        for (double v : x) {
            double d = v - mean;
            squares += d * d;
        }
        return Math.sqrt(squares / (x.length - 1));
    }

    /**
     * The empirical p-quantile of sorted values by linear interpolation between order statistics,
     * Hyndman and Fan (1996) definition 7: h = (n - 1) p, x[floor h] + (h - floor h)(x[floor h + 1] - x[floor h])
     * (0-based), which is R's and numpy's default and stays within the observed range.
     */
    static double quantile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lower = (int) Math.floor(h);
        if (lower >= sorted.length - 1) {
            return sorted[sorted.length - 1];
        }
        return sorted[lower] + (h - lower) * (sorted[lower + 1] - sorted[lower]);
    }

    static double[] sorted(double[] x) {
        double[] copy = x.clone();
        Arrays.sort(copy);
        return copy;
    }
}
