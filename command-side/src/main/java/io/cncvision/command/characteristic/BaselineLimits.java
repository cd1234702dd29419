package io.cncvision.command.characteristic;

import static io.cncvision.spc.constants.ControlChartConstants.a2;
import static io.cncvision.spc.constants.ControlChartConstants.a3;
import static io.cncvision.spc.constants.ControlChartConstants.b3;
import static io.cncvision.spc.constants.ControlChartConstants.b4;
import static io.cncvision.spc.constants.ControlChartConstants.c4;
import static io.cncvision.spc.constants.ControlChartConstants.d2;
import static io.cncvision.spc.constants.ControlChartConstants.rangeLowerFactor;
import static io.cncvision.spc.constants.ControlChartConstants.rangeUpperFactor;

import io.cncvision.api.value.ChartType;

/**
 * Phase-I control limits computed from a baseline of held subgroups, by the formulas of Montgomery,
 * Introduction to Statistical Quality Control, ch. 6 (the same as {@code spc analyze}'s
 * {@code VariablesCharts}, which works from the values rather than from subgroup statistics).
 * {@code sigma} is the within-subgroup estimate of the standard deviation of single measurements.
 */
record BaselineLimits(double center, double lcl, double ucl, double sigma, double secondaryCenter,
                      double secondaryLcl, double secondaryUcl) {

    /** Fewest subgroups a baseline may hold: two give an I-MR chart its one moving range. */
    static final int MINIMUM_SUBGROUPS = 2;

    /**
     * The limits of {@code chart} for subgroups of {@code n} from subgroups {@code from..to} of
     * {@code history}, which the caller has checked are held. Refuses attribute, EWMA and CUSUM charts.
     */
    static BaselineLimits of(ChartType chart, int n, SubgroupHistory history, long from, long to) {
        long count = to - from + 1;
        double grandMean = 0;
        double meanRange = 0;
        double meanStandardDeviation = 0;
        for (long subgroup = from; subgroup <= to; subgroup++) {
            grandMean += history.mean(subgroup);
            meanRange += history.range(subgroup);
            meanStandardDeviation += history.standardDeviation(subgroup);
        }
        grandMean /= count;
        meanRange /= count;
        meanStandardDeviation /= count;
        return switch (chart) {
            // X-bar-bar +- A2 R-bar; R chart D3 R-bar .. D4 R-bar; sigma = R-bar / d2(n)
            case XBAR_R -> new BaselineLimits(grandMean, grandMean - a2(n) * meanRange, grandMean + a2(n) * meanRange,
                    meanRange / d2(n), meanRange, rangeLowerFactor(n) * meanRange, rangeUpperFactor(n) * meanRange);
            // X-bar-bar +- A3 S-bar; S chart B3 S-bar .. B4 S-bar; sigma = S-bar / c4(n)
            case XBAR_S -> new BaselineLimits(grandMean, grandMean - a3(n) * meanStandardDeviation,
                    grandMean + a3(n) * meanStandardDeviation, meanStandardDeviation / c4(n), meanStandardDeviation,
                    b3(n) * meanStandardDeviation, b4(n) * meanStandardDeviation);
            // X-bar +- 3 MR-bar / d2(2), moving ranges of span 2; MR chart D3(2) MR-bar .. D4(2) MR-bar
            case IMR -> {
                double meanMovingRange = 0;
                for (long subgroup = from + 1; subgroup <= to; subgroup++) {
                    meanMovingRange += Math.abs(history.mean(subgroup) - history.mean(subgroup - 1));
                }
                meanMovingRange /= count - 1;
                double sigma = meanMovingRange / d2(2);
                yield new BaselineLimits(grandMean, grandMean - 3 * sigma, grandMean + 3 * sigma, sigma,
                        meanMovingRange, rangeLowerFactor(2) * meanMovingRange, rangeUpperFactor(2) * meanMovingRange);
            }
            default -> throw new IllegalArgumentException(
                    "control limits for " + chart.code() + " charts are not established live yet");
        };
    }
}
