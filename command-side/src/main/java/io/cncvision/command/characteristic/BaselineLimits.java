package io.cncvision.command.characteristic;

import io.cncvision.api.value.ChartType;
import io.cncvision.spc.chart.ShewhartLimits;

/**
 * Phase-I control limits from a baseline of the subgroups the characteristic holds: the baseline's
 * statistics are averaged here, and the formulas are {@code spc}'s {@link ShewhartLimits}, the same that
 * {@code spc analyze} uses on raw values.
 */
final class BaselineLimits {

    /** Fewest subgroups a baseline may hold: two give an I-MR chart its one moving range. */
    static final int MINIMUM_SUBGROUPS = 2;

    private BaselineLimits() {
    }

    /**
     * The limits of {@code chart} for subgroups of {@code n} from subgroups {@code from..to} of
     * {@code history}, which the caller has checked are held. Refuses attribute, EWMA and CUSUM charts.
     */
    static ShewhartLimits of(ChartType chart, int n, SubgroupHistory history, long from, long to) {
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
        return switch (chart) {
            case XBAR_R -> ShewhartLimits.xbarR(grandMean, meanRange / count, n);
            case XBAR_S -> ShewhartLimits.xbarS(grandMean, meanStandardDeviation / count, n);
            case IMR -> {
                double meanMovingRange = 0;
                for (long subgroup = from + 1; subgroup <= to; subgroup++) {
                    meanMovingRange += Math.abs(history.mean(subgroup) - history.mean(subgroup - 1));
                }
                yield ShewhartLimits.individuals(grandMean, meanMovingRange / (count - 1));
            }
            default -> throw new IllegalArgumentException(
                    "control limits for " + chart.code() + " charts are not established live yet");
        };
    }
}
