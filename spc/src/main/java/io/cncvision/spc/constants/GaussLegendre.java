package io.cncvision.spc.constants;

import java.util.function.DoubleUnaryOperator;

/** Composite Gauss-Legendre quadrature with a fixed number of nodes per panel. */
final class GaussLegendre {

    private final double[] nodes;
    private final double[] weights;

    GaussLegendre(int points) {
        nodes = new double[points];
        weights = new double[points];
        for (int i = 0; i < points; i++) {
            // Newton's method on P_points from the Chebyshev-like first guess
            double x = Math.cos(Math.PI * (i + 0.75) / (points + 0.5));
            double derivative = 0;
            for (int iteration = 0; iteration < 100; iteration++) {
                double p0 = 1;
                double p1 = x;
                for (int k = 2; k <= points; k++) {
                    double p2 = ((2 * k - 1) * x * p1 - (k - 1) * p0) / k;
                    p0 = p1;
                    p1 = p2;
                }
                derivative = points * (x * p1 - p0) / (x * x - 1);
                double step = p1 / derivative;
                x -= step;
                if (Math.abs(step) < 1e-16) {
                    break;
                }
            }
            nodes[i] = x;
            weights[i] = 2 / ((1 - x * x) * derivative * derivative);
        }
    }

    /** The integral of f over [from, to], split into panels no wider than maxPanel. */
    double integrate(DoubleUnaryOperator f, double from, double to, double maxPanel) {
        int panels = Math.max(1, (int) Math.ceil((to - from) / maxPanel));
        double width = (to - from) / panels;
        double total = 0;
        for (int p = 0; p < panels; p++) {
            double mid = from + (p + 0.5) * width;
            double sum = 0;
            for (int i = 0; i < nodes.length; i++) {
                sum += weights[i] * f.applyAsDouble(mid + 0.5 * width * nodes[i]);
            }
            total += 0.5 * width * sum;
        }
        return total;
    }
}
