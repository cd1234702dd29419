package io.cncvision.spc.chart;

import java.util.ArrayList;
import java.util.List;

/**
 * Shewhart charts of counts (Montgomery ch. 7): p and np for defectives, c and u for defects. Lower
 * limits are floored at 0 and p's upper limit capped at 1. p and u take varying sizes and give each
 * point its own limits; np and c plot raw counts, so they refuse varying sizes.
 */
public final class AttributeCharts {

    private AttributeCharts() {
    }

    /** Fraction nonconforming: p-bar = sum D / sum n over phase I; limits p-bar +- 3 sqrt(p-bar(1-p-bar)/n_i). */
    public static ChartResult p(List<AttributeSample> samples, int phase1) {
        Phase1.check(samples, phase1, 1, "p");
        requireCountWithinSize(samples, "p");
        double defectives = 0;
        double inspected = 0;
        for (AttributeSample sample : samples.subList(0, phase1)) {
            defectives += sample.count();
            inspected += sample.size();
        }
        return perPoint(ChartType.P, samples, phase1, defectives / inspected, inspected / phase1);
    }

    /** Number nonconforming, constant size n: n p-bar +- 3 sqrt(n p-bar (1 - p-bar)). */
    public static ChartResult np(List<AttributeSample> samples, int phase1) {
        Phase1.check(samples, phase1, 1, "np");
        requireCountWithinSize(samples, "np");
        double n = constantSize(samples, "np", "p");
        double defectives = 0;
        for (AttributeSample sample : samples.subList(0, phase1)) {
            defectives += sample.count();
        }
        return perPoint(ChartType.NP, samples, phase1, defectives / phase1, n);
    }

    /** Defects per inspection unit of constant size: c-bar +- 3 sqrt(c-bar). */
    public static ChartResult c(List<AttributeSample> samples, int phase1) {
        Phase1.check(samples, phase1, 1, "c");
        constantSize(samples, "c", "u");
        double defects = 0;
        for (AttributeSample sample : samples.subList(0, phase1)) {
            defects += sample.count();
        }
        return perPoint(ChartType.C, samples, phase1, defects / phase1, samples.get(0).size());
    }

    /** Defects per unit: u-bar = sum c / sum n over phase I; limits u-bar +- 3 sqrt(u-bar/n_i). */
    public static ChartResult u(List<AttributeSample> samples, int phase1) {
        Phase1.check(samples, phase1, 1, "u");
        double defects = 0;
        double units = 0;
        for (AttributeSample sample : samples.subList(0, phase1)) {
            defects += sample.count();
            units += sample.size();
        }
        return perPoint(ChartType.U, samples, phase1, defects / units, units / phase1);
    }

    /**
     * Every sample plotted with the limits of its own size around {@code center}; the chart-level
     * limits and sigma are those of {@code chartSize}, the average phase-I size (constant for np and c).
     */
    private static ChartResult perPoint(ChartType chart, List<AttributeSample> samples, int phase1, double center,
            double chartSize) {
        List<ChartPoint> points = new ArrayList<>();
        for (AttributeSample sample : samples) {
            AttributeLimits limits = AttributeLimits.of(chart, center, sample.size());
            points.add(new ChartPoint(sample.label(), AttributeLimits.statistic(chart, sample.count(), sample.size()),
                    center, limits.lcl(), limits.ucl()));
        }
        AttributeLimits limits = AttributeLimits.of(chart, center, chartSize);
        return new ChartResult(chart.id(), samples.size(), phase1, center, limits.lcl(), limits.ucl(), limits.sigma(),
                null, points);
    }

    private static double constantSize(List<AttributeSample> samples, String chart, String alternative) {
        double size = samples.get(0).size();
        for (AttributeSample sample : samples) {
            if (sample.size() != size) {
                throw new IllegalArgumentException(chart + " chart needs a constant sample size: subgroup "
                        + sample.label() + " has size " + sample.size() + ", subgroup " + samples.get(0).label()
                        + " has " + size + "; use the " + alternative + " chart for varying sizes");
            }
        }
        return size;
    }

    private static void requireCountWithinSize(List<AttributeSample> samples, String chart) {
        for (AttributeSample sample : samples) {
            if (sample.count() > sample.size()) {
                throw new IllegalArgumentException(chart + " chart: subgroup " + sample.label() + " has "
                        + sample.count() + " defectives in a sample of " + sample.size());
            }
        }
    }
}
