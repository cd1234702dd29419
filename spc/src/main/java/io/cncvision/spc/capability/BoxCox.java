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
        // a grid to find the highest peak, then the zero of the derivative around it
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
        // At its peak the likelihood is flat to within rounding over about 1e-8, so comparing its
        // values (golden-section search) cannot place λ closer than that; its derivative still
        // changes sign cleanly there, so bisect on the sign of the derivative instead.
        double lo = Math.max(MIN_LAMBDA, best - GRID_STEP);
        double hi = Math.min(MAX_LAMBDA, best + GRID_STEP);
        while (lo > MIN_LAMBDA && slope(logs, lo) <= 0) {
            lo = Math.max(MIN_LAMBDA, lo - GRID_STEP);
        }
        while (hi < MAX_LAMBDA && slope(logs, hi) >= 0) {
            hi = Math.min(MAX_LAMBDA, hi + GRID_STEP);
        }
        if (slope(logs, lo) <= 0) {
            return lo;
        }
        if (slope(logs, hi) >= 0) {
            return hi;
        }
        while (true) {
            double mid = (lo + hi) / 2;
            if (mid <= lo || mid >= hi) {
                return mid;
            }
            if (slope(logs, mid) > 0) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
    }

    /**
     * The sign-carrying part of the profile log-likelihood's derivative: d/dλ (-1/2 ln σ²(λ)) is
     * -cov(y, dy/dλ) / σ², so its sign is that of -Σ (y_i - ȳ)(y'_i - ȳ'), with
     * y' = (t e^t - (e^t - 1)) / λ² for t = λ u, by its series where t is small.
     */
    private static double slope(double[] centredLogs, double lambda) {
        int n = centredLogs.length;
        double[] y = new double[n];
        double[] dy = new double[n];
        for (int i = 0; i < n; i++) {
            double u = centredLogs[i];
            double t = lambda * u;
            if (Math.abs(t) < 1e-3) {
                // Σ_{k>=2} (k-1)/k! t^k / λ² = u² (1/2 + t/3 + t²/8 + t³/30 + t⁴/144)
                y[i] = lambda == 0 ? u : Math.expm1(t) / lambda;
                dy[i] = u * u * (0.5 + t * (1.0 / 3 + t * (1.0 / 8 + t * (1.0 / 30 + t / 144))));
            } else {
                y[i] = Math.expm1(t) / lambda;
                dy[i] = (t * Math.exp(t) - Math.expm1(t)) / (lambda * lambda);
            }
        }
        double meanY = Samples.mean(y);
        double meanDy = Samples.mean(dy);
        double covariance = 0;
        for (int i = 0; i < n; i++) {
            covariance += (y[i] - meanY) * (dy[i] - meanDy);
        }
        return -covariance;
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
