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

    private static final int MAX_ITERATIONS = 12;

    private EdgeProfile() {
    }

    /**
     * Fits samples {@code values[k]} taken at {@code t0 + k * step}. The edge must lie inside the
     * profile and be a step of at least {@code minContrast} grey levels, either way.
     */
    static Edge fit(double[] values, int n, double t0, double step, double minContrast) {
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
        double sigma = 1.2;
        double lambda = 1e-3;
        double cost = cost(values, n, t0, step, a, b, edge, sigma);
        double[][] m = new double[4][4];
        double[] g = new double[4];
        double[] j = new double[4];
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            for (int r = 0; r < 4; r++) {
                g[r] = 0;
                java.util.Arrays.fill(m[r], 0);
            }
            for (int k = 0; k < n; k++) {
                double z = (t0 + k * step - edge) / sigma;
                double cdf = Normal.cdf(z);
                double pdf = Normal.pdf(z);
                double residual = values[k] - (a + b * cdf);
                j[0] = 1;
                j[1] = cdf;
                j[2] = -b * pdf / sigma;
                j[3] = -b * pdf * z / sigma;
                for (int r = 0; r < 4; r++) {
                    g[r] += j[r] * residual;
                    for (int c = r; c < 4; c++) {
                        m[r][c] += j[r] * j[c];
                    }
                }
            }
            boolean improved = false;
            for (int attempt = 0; attempt < 6 && !improved; attempt++) {
                double[][] damped = new double[4][4];
                for (int r = 0; r < 4; r++) {
                    for (int c = r; c < 4; c++) {
                        damped[r][c] = m[r][c];
                        damped[c][r] = m[r][c];
                    }
                    damped[r][r] *= 1 + lambda;
                }
                double[] delta = LinearSystem.solve(damped, g.clone());
                if (delta == null) {
                    return NONE;
                }
                double na = a + delta[0];
                double nb = b + delta[1];
                double ne = edge + delta[2];
                double ns = sigma + delta[3];
                if (ns < 0.05) {
                    ns = 0.05;
                }
                double newCost = cost(values, n, t0, step, na, nb, ne, ns);
                if (newCost <= cost) {
                    boolean small = Math.abs(delta[2]) < 1e-4 && Math.abs(delta[3]) < 1e-3;
                    a = na;
                    b = nb;
                    edge = ne;
                    sigma = ns;
                    cost = newCost;
                    lambda = Math.max(1e-7, lambda / 10);
                    improved = true;
                    if (small) {
                        return accept(a, b, edge, sigma, t0, step, n, minContrast);
                    }
                } else {
                    lambda *= 10;
                }
            }
            if (!improved) {
                break;
            }
        }
        return accept(a, b, edge, sigma, t0, step, n, minContrast);
    }

    private static Edge accept(double a, double b, double edge, double sigma, double t0, double step, int n,
                               double minContrast) {
        double margin = 2 * step;
        if (Math.abs(b) < minContrast || sigma > 5 || edge < t0 + margin || edge > t0 + step * (n - 1) - margin) {
            return NONE;
        }
        return new Edge(edge, sigma);
    }

    private static double cost(double[] values, int n, double t0, double step, double a, double b, double edge,
                               double sigma) {
        double sum = 0;
        for (int k = 0; k < n; k++) {
            double residual = values[k] - (a + b * Normal.cdf((t0 + k * step - edge) / sigma));
            sum += residual * residual;
        }
        return sum;
    }
}
