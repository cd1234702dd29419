package io.cncvision.vision.gauge;

/**
 * Sub-pixel position of one blurred step edge along a sampled profile: a least-squares fit of
 * {@code a + b * Phi((t - edge) / sigma)} (Phi the normal CDF), the exact shape of a straight step
 * seen through a Gaussian point spread. Unlike the peak of the gradient it does not move with the
 * blur, and its {@code sigma} is what the curvature correction of a circle needs.
 */
final class EdgeProfile {

    /** Fitted edge position (same unit as the sample positions) and width; {@code NaN} when the fit failed. */
    record Edge(double position, double sigma) {
        boolean found() {
            return !Double.isNaN(position);
        }
    }

    static final Edge NONE = new Edge(Double.NaN, Double.NaN);

    private static final int MAX_ITERATIONS = 20;

    private EdgeProfile() {
    }

    /**
     * Fits samples {@code values[k]} taken at {@code t0 + k * step}. The edge must lie inside the
     * profile and be a step of at least {@code minContrast} grey levels, either way.
     */
    static Edge fit(double[] values, int n, double t0, double step, double minContrast, double sigmaStart) {
        int plateau = Math.max(2, n / 8);
        double first = 0;
        double last = 0;
        for (int k = 0; k < plateau; k++) {
            first += values[k];
            last += values[n - 1 - k];
        }
        first /= plateau;
        last /= plateau;
        double a = first;
        double b = last - first;
        if (Math.abs(b) < minContrast) {
            return NONE;
        }
        // start at the first crossing of the half level
        double half = first + b / 2;
        double edge = t0 + step * (n - 1) / 2.0;
        for (int k = 1; k < n; k++) {
            if ((values[k - 1] - half) * (values[k] - half) <= 0 && values[k] != values[k - 1]) {
                edge = t0 + step * (k - 1 + (half - values[k - 1]) / (values[k] - values[k - 1]));
                break;
            }
        }
        double[] p = {a, b, edge, sigmaStart};
        double[] m = new double[16];
        double[] g = new double[4];
        double cost = evaluate(values, n, t0, step, p, m, g);
        double[] trial = new double[4];
        double[] trialM = new double[16];
        double[] trialG = new double[4];
        double[] delta = new double[4];
        double lambda = 1e-3;
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            if (!solveDamped(m, g, lambda, delta)) {
                return NONE;
            }
            for (int i = 0; i < 4; i++) {
                trial[i] = p[i] + delta[i];
            }
            trial[3] = Math.max(0.05, trial[3]);
            double trialCost = evaluate(values, n, t0, step, trial, trialM, trialG);
            if (trialCost <= cost) {
                double[] swap = p;
                p = trial;
                trial = swap;
                swap = m;
                m = trialM;
                trialM = swap;
                swap = g;
                g = trialG;
                trialG = swap;
                cost = trialCost;
                lambda = Math.max(1e-9, lambda / 10);
                if (Math.abs(delta[2]) < 1e-3 && Math.abs(delta[3]) < 1e-2) {
                    break;
                }
            } else {
                lambda *= 10;
                if (lambda > 1e4) {
                    break;
                }
            }
        }
        return accept(p[0], p[1], p[2], p[3], t0, step, n, minContrast);
    }

    /**
     * Sum of squared residuals at {@code p = (a, b, edge, sigma)}, with the normal matrix
     * {@code m = J^T J} (4 x 4, row-major) and {@code g = J^T r}, in one pass and one exponential a sample.
     */
    private static double evaluate(double[] values, int n, double t0, double step, double[] p, double[] m, double[] g) {
        java.util.Arrays.fill(m, 0);
        java.util.Arrays.fill(g, 0);
        double a = p[0];
        double b = p[1];
        double edge = p[2];
        double sigma = p[3];
        double cost = 0;
        for (int k = 0; k < n; k++) {
            double z = (t0 + k * step - edge) / sigma;
            double gauss = Math.exp(-0.5 * z * z);
            double cdf = Normal.cdf(z, gauss);
            double pdf = Normal.INV_SQRT_2PI * gauss;
            double residual = values[k] - (a + b * cdf);
            cost += residual * residual;
            double j2 = -b * pdf / sigma;
            double j3 = j2 * z;
            // J = (1, cdf, j2, j3)
            g[0] += residual;
            g[1] += cdf * residual;
            g[2] += j2 * residual;
            g[3] += j3 * residual;
            m[0] += 1;
            m[1] += cdf;
            m[2] += j2;
            m[3] += j3;
            m[5] += cdf * cdf;
            m[6] += cdf * j2;
            m[7] += cdf * j3;
            m[10] += j2 * j2;
            m[11] += j2 * j3;
            m[15] += j3 * j3;
        }
        return cost;
    }

    /** Solves {@code (M + lambda diag M) delta = g} by Cholesky (M symmetric, upper triangle used). */
    private static boolean solveDamped(double[] m, double[] g, double lambda, double[] delta) {
        double[] l = new double[16];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = j == i ? m[i * 4 + i] * (1 + lambda) : m[j * 4 + i];
                for (int k = 0; k < j; k++) {
                    sum -= l[i * 4 + k] * l[j * 4 + k];
                }
                if (i == j) {
                    if (!(sum > 0)) {
                        return false;
                    }
                    l[i * 4 + i] = Math.sqrt(sum);
                } else {
                    l[i * 4 + j] = sum / l[j * 4 + j];
                }
            }
        }
        double[] y = new double[4];
        for (int i = 0; i < 4; i++) {
            double sum = g[i];
            for (int k = 0; k < i; k++) {
                sum -= l[i * 4 + k] * y[k];
            }
            y[i] = sum / l[i * 4 + i];
        }
        for (int i = 3; i >= 0; i--) {
            double sum = y[i];
            for (int k = i + 1; k < 4; k++) {
                sum -= l[k * 4 + i] * delta[k];
            }
            delta[i] = sum / l[i * 4 + i];
        }
        return true;
    }

    private static Edge accept(double a, double b, double edge, double sigma, double t0, double step, int n,
                               double minContrast) {
        double margin = 2 * step;
        if (Math.abs(b) < minContrast || sigma > 5 || edge < t0 + margin || edge > t0 + step * (n - 1) - margin) {
            return NONE;
        }
        return new Edge(edge, sigma);
    }

}
