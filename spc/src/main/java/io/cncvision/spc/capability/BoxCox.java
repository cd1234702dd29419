package io.cncvision.spc.capability;

/** The Box-Cox power transformation (Box and Cox, 1964) for positive data. */
public final class BoxCox {

    /** The range searched for the exponent. */
    public static final double MIN_LAMBDA = -5;
    public static final double MAX_LAMBDA = 5;

    private static final double GRID_STEP = 0.01;

    private BoxCox() {
    }

    /** (x^λ - 1)/λ, or ln x at λ = 0; increasing in x for every λ, so limits keep their order. */
    public static double transform(double x, double lambda) {
        if (!(x > 0)) {
            throw new IllegalArgumentException("the Box-Cox transformation needs positive values, got " + x);
        }
        double log = Math.log(x);
        return lambda == 0 ? log : Math.expm1(lambda * log) / lambda;
    }

    /** The exponent in [-5, 5] that maximizes the profile log-likelihood of {@code positive}. */
    public static double lambda(double[] positive) {
        int n = positive.length;
        if (n < 3) {
            throw new IllegalArgumentException("Box-Cox needs at least 3 values, got " + n);
        }
        // The data are divided by their geometric mean: that changes the profile likelihood only by a
        // constant and leaves it -n/2 ln σ²(λ), the Jacobian term summing to zero.
        double[] logs = new double[n];
        double meanLog = 0;
        for (int i = 0; i < n; i++) {
            if (!(positive[i] > 0)) {
                throw new IllegalArgumentException(
                        "the Box-Cox transformation needs positive values, got " + positive[i]);
            }
            logs[i] = Math.log(positive[i]);
            meanLog += logs[i];
        }
        meanLog /= n;
        for (int i = 0; i < n; i++) {
            logs[i] -= meanLog;
        }
        // a grid to find the highest peak, then golden-section search around it
        double best = MIN_LAMBDA;
        double bestValue = Double.NEGATIVE_INFINITY;
        int steps = (int) Math.round((MAX_LAMBDA - MIN_LAMBDA) / GRID_STEP);
        for (int i = 0; i <= steps; i++) {
            double lambda = MIN_LAMBDA + i * GRID_STEP;
            double value = profileLogLikelihood(logs, lambda);
            if (value > bestValue) {
                bestValue = value;
                best = lambda;
            }
        }
        double lo = Math.max(MIN_LAMBDA, best - GRID_STEP);
        double hi = Math.min(MAX_LAMBDA, best + GRID_STEP);
        double ratio = (Math.sqrt(5) - 1) / 2;
        double a = hi - ratio * (hi - lo);
        double b = lo + ratio * (hi - lo);
        double fa = profileLogLikelihood(logs, a);
        double fb = profileLogLikelihood(logs, b);
        while (hi - lo > 1e-9) {
            if (fa > fb) {
                hi = b;
                b = a;
                fb = fa;
                a = hi - ratio * (hi - lo);
                fa = profileLogLikelihood(logs, a);
            } else {
                lo = a;
                a = b;
                fa = fb;
                b = lo + ratio * (hi - lo);
                fb = profileLogLikelihood(logs, b);
            }
        }
        return (lo + hi) / 2;
    }

    /** -1/2 ln of the variance of the transformed, geometric-mean-scaled data (constants dropped). */
    private static double profileLogLikelihood(double[] centredLogs, double lambda) {
        double[] y = new double[centredLogs.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = lambda == 0 ? centredLogs[i] : Math.expm1(lambda * centredLogs[i]) / lambda;
        }
        double mean = Samples.mean(y);
        double squares = 0;
        for (double v : y) {
            squares += (v - mean) * (v - mean);
        }
        return -0.5 * Math.log(squares / y.length);
    }
}
