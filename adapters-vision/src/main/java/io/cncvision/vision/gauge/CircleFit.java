package io.cncvision.vision.gauge;

import java.util.Arrays;
import java.util.Optional;

/**
 * Robust circle through edge points: an algebraic (Kasa) fit to start, then the geometric fit
 * (Gauss-Newton on the orthogonal distances) iteratively reweighted with Tukey's biweight, the
 * scale from the median absolute deviation, so burrs, chips and dust on the edge do not pull it.
 */
public final class CircleFit {

    /** Tukey's tuning constant: 95 % efficiency on normal residuals. */
    private static final double TUKEY_C = 4.685;
    /** Residual scale floor: a clean synthetic edge must not make every real point an outlier. */
    private static final double MIN_SCALE_PX = 0.02;

    private CircleFit() {
    }

    /** The circle through {@code n} points, or empty when fewer than 5 points or a degenerate set. */
    public static Optional<Circle> fit(double[] xs, double[] ys, int n) {
        if (n < 5) {
            return Optional.empty();
        }
        Circle circle = kasa(xs, ys, n);
        if (circle == null) {
            return Optional.empty();
        }
        double[] weights = new double[n];
        Arrays.fill(weights, 1);
        double[] residuals = new double[n];
        for (int round = 0; round < 6; round++) {
            circle = geometric(xs, ys, n, weights, circle);
            if (circle == null) {
                return Optional.empty();
            }
            for (int i = 0; i < n; i++) {
                residuals[i] = distance(xs[i] - circle.centreX(), ys[i] - circle.centreY()) - circle.radius();
            }
            double cut = TUKEY_C * Math.max(MIN_SCALE_PX, 1.4826 * medianAbsolute(residuals, n));
            for (int i = 0; i < n; i++) {
                double u = residuals[i] / cut;
                weights[i] = Math.abs(u) < 1 ? (1 - u * u) * (1 - u * u) : 0;
            }
        }
        return Optional.of(geometric(xs, ys, n, weights, circle));
    }

    /** Kasa's algebraic fit: least squares on {@code x^2 + y^2 + D x + E y + F = 0}. */
    static Circle kasa(double[] xs, double[] ys, int n) {
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += xs[i];
            my += ys[i];
        }
        mx /= n;
        my /= n;
        double[][] a = new double[3][3];
        double[] b = new double[3];
        for (int i = 0; i < n; i++) {
            double x = xs[i] - mx;
            double y = ys[i] - my;
            double z = x * x + y * y;
            double[] row = {x, y, 1};
            for (int r = 0; r < 3; r++) {
                b[r] -= row[r] * z;
                for (int c = 0; c < 3; c++) {
                    a[r][c] += row[r] * row[c];
                }
            }
        }
        double[] s = LinearSystem.solve(a, b);
        if (s == null) {
            return null;
        }
        double cx = -s[0] / 2;
        double cy = -s[1] / 2;
        double r2 = cx * cx + cy * cy - s[2];
        return r2 > 0 ? new Circle(cx + mx, cy + my, Math.sqrt(r2)) : null;
    }

    private static Circle geometric(double[] xs, double[] ys, int n, double[] weights, Circle start) {
        double cx = start.centreX();
        double cy = start.centreY();
        double r = start.radius();
        for (int iteration = 0; iteration < 20; iteration++) {
            double[][] a = new double[3][3];
            double[] g = new double[3];
            for (int i = 0; i < n; i++) {
                double w = weights[i];
                if (w == 0) {
                    continue;
                }
                double dx = xs[i] - cx;
                double dy = ys[i] - cy;
                double d = distance(dx, dy);
                if (d == 0) {
                    continue;
                }
                double residual = d - r;
                double[] j = {-dx / d, -dy / d, -1};
                for (int p = 0; p < 3; p++) {
                    g[p] -= w * j[p] * residual;
                    for (int q = 0; q < 3; q++) {
                        a[p][q] += w * j[p] * j[q];
                    }
                }
            }
            double[] delta = LinearSystem.solve(a, g);
            if (delta == null) {
                return null;
            }
            cx += delta[0];
            cy += delta[1];
            r += delta[2];
            if (Math.abs(delta[0]) + Math.abs(delta[1]) + Math.abs(delta[2]) < 1e-7) {
                break;
            }
        }
        return r > 0 ? new Circle(cx, cy, r) : null;
    }

    /** Plain square root: {@link Math#hypot} guards against overflow at many times the cost, needless at image scale. */
    private static double distance(double dx, double dy) {
        return Math.sqrt(dx * dx + dy * dy);
    }

    private static double medianAbsolute(double[] values, int n) {
        double[] abs = new double[n];
        for (int i = 0; i < n; i++) {
            abs[i] = Math.abs(values[i]);
        }
        Arrays.sort(abs);
        return n % 2 == 1 ? abs[n / 2] : (abs[n / 2 - 1] + abs[n / 2]) / 2;
    }
}
