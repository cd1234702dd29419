package io.cncvision.spc.chart;

import java.util.ArrayList;
import java.util.List;

/**
 * Charts that accumulate past subgroups to catch small sustained shifts (Montgomery ch. 9): EWMA
 * and tabular CUSUM. Both centre on the phase-I grand mean and scale by the phase-I within-subgroup
 * sigma (MR-bar/d2(2) for single values, R-bar/d2(n) for subgroups of equal size n), divided by
 * sqrt(n) for subgroup means.
 */
public final class TimeWeightedCharts {

    public static final double DEFAULT_LAMBDA = 0.2;
    public static final double DEFAULT_WIDTH = 3;
    public static final double DEFAULT_K = 0.5;
    public static final double DEFAULT_H = 4;

    private TimeWeightedCharts() {
    }

    /** EWMA with lambda 0.2 and L 3. */
    public static ChartResult ewma(List<Subgroup> subgroups, int phase1) {
        return ewma(subgroups, phase1, DEFAULT_LAMBDA, DEFAULT_WIDTH);
    }

    /**
     * EWMA z_i = lambda x-bar_i + (1 - lambda) z_(i-1), z_0 = mu_0, with the exact time-varying limits
     * mu_0 +- L sigma_xbar sqrt(lambda/(2 - lambda) (1 - (1 - lambda)^(2i))). The chart-level lcl/ucl
     * are the asymptotic limits, which the points' limits approach.
     */
    public static ChartResult ewma(List<Subgroup> subgroups, int phase1, double lambda, double width) {
        if (!(lambda > 0 && lambda <= 1)) {
            throw new IllegalArgumentException("ewma chart needs 0 < lambda <= 1, got " + lambda);
        }
        if (!(width > 0) || Double.isInfinite(width)) {
            throw new IllegalArgumentException("ewma chart needs a finite limit width L above 0, got " + width);
        }
        Baseline baseline = Baseline.of(subgroups, phase1, "ewma");
        double z = baseline.mean;
        List<ChartPoint> points = new ArrayList<>();
        for (int i = 0; i < subgroups.size(); i++) {
            Subgroup subgroup = subgroups.get(i);
            z = lambda * subgroup.mean() + (1 - lambda) * z;
            double halfWidth = ewmaHalfWidth(baseline.sigmaOfMean, lambda, width, i + 1);
            points.add(new ChartPoint(subgroup.label(), z, baseline.mean, baseline.mean - halfWidth,
                    baseline.mean + halfWidth));
        }
        double asymptotic = ewmaHalfWidth(baseline.sigmaOfMean, lambda, width, 0);
        return new ChartResult("ewma", subgroups.size(), phase1, baseline.mean, baseline.mean - asymptotic,
                baseline.mean + asymptotic, baseline.sigma, null, points);
    }

    /**
     * The half-width of the EWMA limits at the {@code point}-th point after phase I began (1 for the
     * first), L sigma_xbar sqrt(lambda/(2 - lambda) (1 - (1 - lambda)^(2 point))); {@code point} 0
     * gives the asymptotic half-width, L sigma_xbar sqrt(lambda/(2 - lambda)).
     */
    public static double ewmaHalfWidth(double sigmaOfMean, double lambda, double width, long point) {
        double decay = point == 0 ? 0 : Math.pow(1 - lambda, 2.0 * point);
        return width * sigmaOfMean * Math.sqrt(lambda / (2 - lambda) * (1 - decay));
    }

    /** Tabular CUSUM with k = 0.5 sigma and h = 4 sigma. */
    public static ChartResult cusum(List<Subgroup> subgroups, int phase1) {
        return cusum(subgroups, phase1, DEFAULT_K, DEFAULT_H);
    }

    /**
     * Tabular CUSUM on the phase-I grand mean mu_0 with K = k sigma_xbar and H = h sigma_xbar:
     * C+_i = max(0, x-bar_i - (mu_0 + K) + C+_(i-1)), C-_i = max(0, (mu_0 - K) - x-bar_i + C-_(i-1)).
     *
     * <p>As qcc plots it: the points are C+ and the secondary chart "cusum-lower" holds -C-, both
     * with centre 0 and limits -H .. H, so a point is out of control exactly when C+ > H (primary
     * beyond its UCL) or C- > H (secondary beyond its LCL). The chart-level centre and limits are
     * those of the plotted sums (0, -H, H); mu_0 is the phase-I grand mean.
     */
    public static ChartResult cusum(List<Subgroup> subgroups, int phase1, double k, double h) {
        if (!(k >= 0) || Double.isInfinite(k)) {
            throw new IllegalArgumentException("cusum chart needs a finite reference value k of at least 0, got " + k);
        }
        if (!(h > 0) || Double.isInfinite(h)) {
            throw new IllegalArgumentException("cusum chart needs a finite decision interval h above 0, got " + h);
        }
        Baseline baseline = Baseline.of(subgroups, phase1, "cusum");
        double reference = k * baseline.sigmaOfMean;
        double decision = h * baseline.sigmaOfMean;
        double upper = 0;
        double lower = 0;
        List<ChartPoint> uppers = new ArrayList<>();
        List<ChartPoint> lowers = new ArrayList<>();
        for (Subgroup subgroup : subgroups) {
            upper = Math.max(0, subgroup.mean() - (baseline.mean + reference) + upper);
            lower = Math.max(0, (baseline.mean - reference) - subgroup.mean() + lower);
            uppers.add(new ChartPoint(subgroup.label(), upper, 0, -decision, decision));
            lowers.add(new ChartPoint(subgroup.label(), -lower, 0, -decision, decision));
        }
        return new ChartResult("cusum", subgroups.size(), phase1, 0, -decision, decision, baseline.sigma,
                new SecondaryChart("cusum-lower", 0, -decision, decision, lowers), uppers);
    }

    /** The phase-I grand mean and within-subgroup sigma the two charts share. */
    private record Baseline(double mean, double sigma, double sigmaOfMean) {

        static Baseline of(List<Subgroup> subgroups, int phase1, String chart) {
            int minimum = subgroups != null && !subgroups.isEmpty() && subgroups.get(0).size() == 1 ? 2 : 1;
            Phase1.check(subgroups, phase1, minimum, chart);
            double sigma = VariablesCharts.withinSigma(subgroups, phase1, chart);
            double mean = 0;
            for (Subgroup subgroup : subgroups.subList(0, phase1)) {
                mean += subgroup.mean();
            }
            mean /= phase1;
            if (!(sigma > 0)) {
                throw new IllegalArgumentException(chart + " chart: the first " + phase1
                        + " subgroups show no variation, so sigma cannot be estimated");
            }
            return new Baseline(mean, sigma, sigma / Math.sqrt(subgroups.get(0).size()));
        }
    }
}
