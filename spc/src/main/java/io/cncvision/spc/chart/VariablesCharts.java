package io.cncvision.spc.chart;

import static io.cncvision.spc.constants.ControlChartConstants.d2;

import java.util.ArrayList;
import java.util.List;

/**
 * Shewhart charts of measurements (Montgomery, Introduction to Statistical Quality Control, ch. 6):
 * X-bar with R, X-bar with S, and individuals with moving range. X-bar charts need subgroups of equal
 * size, at least 2; unequal sizes are refused naming the subgroup, rather than given per-point limits.
 */
public final class VariablesCharts {

    private VariablesCharts() {
    }

    /** X-bar and R chart, limits from all subgroups. */
    public static ChartResult xbarR(List<Subgroup> subgroups) {
        return xbarR(subgroups, subgroups == null ? 0 : subgroups.size());
    }

    /** X-bar and R chart: X-bar-bar +- A2 R-bar; R chart D3 R-bar .. D4 R-bar; sigma = R-bar/d2. */
    public static ChartResult xbarR(List<Subgroup> subgroups, int phase1) {
        int n = requireSubgroups(subgroups, phase1, "xbar-r");
        double grandMean = 0;
        double meanRange = 0;
        for (Subgroup subgroup : subgroups.subList(0, phase1)) {
            grandMean += subgroup.mean();
            meanRange += subgroup.range();
        }
        ShewhartLimits limits = ShewhartLimits.xbarR(grandMean / phase1, meanRange / phase1, n);
        List<ChartPoint> ranges = new ArrayList<>();
        for (Subgroup subgroup : subgroups) {
            ranges.add(new ChartPoint(subgroup.label(), subgroup.range(), limits.secondaryCenter(),
                    limits.secondaryLcl(), limits.secondaryUcl()));
        }
        return chart("xbar-r", "r", subgroups, phase1, limits, ranges);
    }

    /** X-bar and S chart, limits from all subgroups. */
    public static ChartResult xbarS(List<Subgroup> subgroups) {
        return xbarS(subgroups, subgroups == null ? 0 : subgroups.size());
    }

    /** X-bar and S chart: X-bar-bar +- A3 S-bar; S chart B3 S-bar .. B4 S-bar; sigma = S-bar/c4. */
    public static ChartResult xbarS(List<Subgroup> subgroups, int phase1) {
        int n = requireSubgroups(subgroups, phase1, "xbar-s");
        double grandMean = 0;
        double meanSd = 0;
        for (Subgroup subgroup : subgroups.subList(0, phase1)) {
            grandMean += subgroup.mean();
            meanSd += subgroup.standardDeviation();
        }
        ShewhartLimits limits = ShewhartLimits.xbarS(grandMean / phase1, meanSd / phase1, n);
        List<ChartPoint> sds = new ArrayList<>();
        for (Subgroup subgroup : subgroups) {
            sds.add(new ChartPoint(subgroup.label(), subgroup.standardDeviation(), limits.secondaryCenter(),
                    limits.secondaryLcl(), limits.secondaryUcl()));
        }
        return chart("xbar-s", "s", subgroups, phase1, limits, sds);
    }

    /** Individuals and moving range chart of a plain series, labelled 1, 2, ...; limits from all values. */
    public static ChartResult individuals(double[] values) {
        return individuals(values, values == null ? 0 : values.length);
    }

    /** Individuals and moving range chart of a plain series, labelled 1, 2, .... */
    public static ChartResult individuals(double[] values, int phase1) {
        if (values == null) {
            throw new IllegalArgumentException("imr chart needs values");
        }
        List<Subgroup> subgroups = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            subgroups.add(Subgroup.of(String.valueOf(i + 1), values[i]));
        }
        return individuals(subgroups, phase1);
    }

    /**
     * Individuals and moving range chart; each subgroup must hold exactly one value. Moving ranges
     * are of span 2; sigma = MR-bar/d2(2), limits X-bar +- 3 sigma, MR chart 0 .. D4(2) MR-bar. Both
     * are from the first phase1 values (so phase1 - 1 moving ranges; phase1 >= 2). The MR chart has
     * no point for the first value.
     */
    public static ChartResult individuals(List<Subgroup> subgroups, int phase1) {
        Phase1.check(subgroups, phase1, 2, "imr");
        for (Subgroup subgroup : subgroups) {
            if (subgroup.size() != 1) {
                throw new IllegalArgumentException("imr chart plots single values: subgroup " + subgroup.label()
                        + " has " + subgroup.size());
            }
        }
        double mean = 0;
        for (Subgroup subgroup : subgroups.subList(0, phase1)) {
            mean += subgroup.mean();
        }
        ShewhartLimits limits = ShewhartLimits.individuals(mean / phase1, meanMovingRange(subgroups, phase1));
        List<ChartPoint> movingRanges = new ArrayList<>();
        for (int i = 1; i < subgroups.size(); i++) {
            double movingRange = Math.abs(subgroups.get(i).mean() - subgroups.get(i - 1).mean());
            movingRanges.add(new ChartPoint(subgroups.get(i).label(), movingRange, limits.secondaryCenter(),
                    limits.secondaryLcl(), limits.secondaryUcl()));
        }
        return chart("imr", "mr", subgroups, phase1, limits, movingRanges);
    }

    /**
     * The within-subgroup estimate of the process sigma from the first phase1 subgroups, as EWMA and
     * CUSUM use it: MR-bar/d2(2) for single values, R-bar/d2(n) for subgroups of equal size n.
     */
    static double withinSigma(List<Subgroup> subgroups, int phase1, String chart) {
        int n = Phase1.equalSize(subgroups, chart);
        if (n == 1) {
            return meanMovingRange(subgroups, phase1) / d2(2);
        }
        double meanRange = 0;
        for (Subgroup subgroup : subgroups.subList(0, phase1)) {
            meanRange += subgroup.range();
        }
        return meanRange / phase1 / d2(n);
    }

    private static ChartResult chart(String chart, String secondary, List<Subgroup> subgroups, int phase1,
                                     ShewhartLimits limits, List<ChartPoint> secondaryPoints) {
        return new ChartResult(chart, subgroups.size(), phase1, limits.center(), limits.lcl(), limits.ucl(),
                limits.sigma(), new SecondaryChart(secondary, limits.secondaryCenter(), limits.secondaryLcl(),
                limits.secondaryUcl(), secondaryPoints),
                means(subgroups, limits.center(), limits.lcl(), limits.ucl()));
    }

    private static double meanMovingRange(List<Subgroup> subgroups, int phase1) {
        double sum = 0;
        for (int i = 1; i < phase1; i++) {
            sum += Math.abs(subgroups.get(i).mean() - subgroups.get(i - 1).mean());
        }
        return sum / (phase1 - 1);
    }

    private static int requireSubgroups(List<Subgroup> subgroups, int phase1, String chart) {
        Phase1.check(subgroups, phase1, 1, chart);
        int n = Phase1.equalSize(subgroups, chart);
        if (n < 2) {
            throw new IllegalArgumentException(chart + " chart needs subgroups of at least 2 values: subgroup "
                    + subgroups.get(0).label() + " has 1; use imr for single values");
        }
        return n;
    }

    private static List<ChartPoint> means(List<Subgroup> subgroups, double center, double lcl, double ucl) {
        List<ChartPoint> points = new ArrayList<>();
        for (Subgroup subgroup : subgroups) {
            points.add(new ChartPoint(subgroup.label(), subgroup.mean(), center, lcl, ucl));
        }
        return points;
    }
}
