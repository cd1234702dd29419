package io.cncvision.spc.chart;

import static io.cncvision.spc.constants.ControlChartConstants.a2;
import static io.cncvision.spc.constants.ControlChartConstants.a3;
import static io.cncvision.spc.constants.ControlChartConstants.b3;
import static io.cncvision.spc.constants.ControlChartConstants.b4;
import static io.cncvision.spc.constants.ControlChartConstants.c4;
import static io.cncvision.spc.constants.ControlChartConstants.d2;
import static io.cncvision.spc.constants.ControlChartConstants.rangeLowerFactor;
import static io.cncvision.spc.constants.ControlChartConstants.rangeUpperFactor;

/**
 * Shewhart control limits from phase-I subgroup statistics (Montgomery, Introduction to Statistical
 * Quality Control, ch. 6): the one place their formulas live, for charts of values and for the live
 * characteristic, which keeps only statistics. {@code sigma} is the within-subgroup estimate of the
 * standard deviation of single measurements; the secondary chart is the R, S or moving-range chart.
 */
public record ShewhartLimits(double center, double lcl, double ucl, double sigma, double secondaryCenter,
                             double secondaryLcl, double secondaryUcl) {

    /** X-bar-bar +- A2 R-bar; R chart D3 R-bar .. D4 R-bar; sigma = R-bar / d2(n). */
    public static ShewhartLimits xbarR(double grandMean, double meanRange, int n) {
        double halfWidth = a2(n) * meanRange;
        return new ShewhartLimits(grandMean, grandMean - halfWidth, grandMean + halfWidth, meanRange / d2(n),
                meanRange, rangeLowerFactor(n) * meanRange, rangeUpperFactor(n) * meanRange);
    }

    /** X-bar-bar +- A3 S-bar; S chart B3 S-bar .. B4 S-bar; sigma = S-bar / c4(n). */
    public static ShewhartLimits xbarS(double grandMean, double meanStandardDeviation, int n) {
        double halfWidth = a3(n) * meanStandardDeviation;
        return new ShewhartLimits(grandMean, grandMean - halfWidth, grandMean + halfWidth,
                meanStandardDeviation / c4(n), meanStandardDeviation, b3(n) * meanStandardDeviation,
                b4(n) * meanStandardDeviation);
    }

    /** X-bar +- 3 MR-bar / d2(2), moving ranges of span 2; MR chart D3(2) MR-bar .. D4(2) MR-bar. */
    public static ShewhartLimits individuals(double mean, double meanMovingRange) {
        double sigma = meanMovingRange / d2(2);
        return new ShewhartLimits(mean, mean - 3 * sigma, mean + 3 * sigma, sigma, meanMovingRange,
                rangeLowerFactor(2) * meanMovingRange, rangeUpperFactor(2) * meanMovingRange);
    }
}
