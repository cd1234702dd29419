package io.cncvision.command.characteristic;

import io.cncvision.api.value.ChartType;
import io.cncvision.spc.chart.AttributeSample;
import io.cncvision.spc.chart.ChartResult;
import io.cncvision.spc.chart.ControlCharts;
import io.cncvision.spc.chart.ShewhartLimits;
import io.cncvision.spc.chart.TimeWeightedCharts;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Phase-I control limits from a baseline of the subgroups the characteristic holds: the baseline's
 * statistics are averaged here, and the formulas are {@code spc}'s ({@link ShewhartLimits},
 * {@link ControlCharts}, {@link TimeWeightedCharts}), the same that {@code spc analyze} uses on raw values.
 */
final class BaselineLimits {

    /** Fewest subgroups a baseline may hold: two give an I-MR chart its one moving range. */
    static final int MINIMUM_SUBGROUPS = 2;

    /**
     * The limits and the parameters they were computed with. Charts without a secondary chart have
     * secondary figures of 0; see {@code ControlLimitsEstablished} for what each chart's figures mean.
     */
    record Computed(ShewhartLimits limits, Map<String, Double> parameters) {
    }

    private BaselineLimits() {
    }

    /**
     * The limits of {@code chart} for subgroups of {@code n} from subgroups {@code from..to} of
     * {@code history}, which the caller has checked are held; {@code parameters} are those of
     * {@link SpcCharts#parameters}.
     */
    static Computed of(ChartType chart, int n, SubgroupHistory history, long from, long to,
                       Map<String, Double> parameters) {
        return switch (chart) {
            case XBAR_R, XBAR_S, IMR -> new Computed(shewhart(chart, n, history, from, to), parameters);
            case P, NP, C, U -> new Computed(attribute(chart, history, from, to), parameters);
            case EWMA -> {
                ShewhartLimits base = shewhart(n == 1 ? ChartType.IMR : ChartType.XBAR_R, n, history, from, to);
                double lambda = parameters.get(SpcCharts.LAMBDA);
                double halfWidth = TimeWeightedCharts.ewmaHalfWidth(base.sigma() / Math.sqrt(n), lambda,
                        parameters.get(SpcCharts.WIDTH), 0);
                yield new Computed(new ShewhartLimits(base.center(), base.center() - halfWidth,
                        base.center() + halfWidth, base.sigma(), 0, 0, 0), parameters);
            }
            case CUSUM -> {
                ShewhartLimits base = shewhart(n == 1 ? ChartType.IMR : ChartType.XBAR_R, n, history, from, to);
                double decision = parameters.get(SpcCharts.H) * base.sigma() / Math.sqrt(n);
                Map<String, Double> withMean = new HashMap<>(parameters);
                withMean.put(SpcCharts.MEAN, base.center());
                yield new Computed(new ShewhartLimits(0, -decision, decision, base.sigma(), 0, -decision, decision),
                        withMean);
            }
        };
    }

    private static ShewhartLimits shewhart(ChartType chart, int n, SubgroupHistory history, long from, long to) {
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
            default -> throw new IllegalArgumentException(chart.code() + " is not a Shewhart chart of measurements");
        };
    }

    private static ShewhartLimits attribute(ChartType chart, SubgroupHistory history, long from, long to) {
        List<AttributeSample> samples = new ArrayList<>((int) (to - from + 1));
        for (long subgroup = from; subgroup <= to; subgroup++) {
            samples.add(new AttributeSample(Long.toString(subgroup), history.count(subgroup), history.size(subgroup)));
        }
        ChartResult result = ControlCharts.attributes(SpcCharts.of(chart), samples, OptionalInt.empty());
        return new ShewhartLimits(result.center(), result.lcl(), result.ucl(), result.sigma(), 0, 0, 0);
    }
}
