package io.cncvision.command.characteristic;

import io.cncvision.api.characteristic.ControlLimitsEstablished;
import io.cncvision.api.characteristic.PlottedPoint;
import io.cncvision.api.value.ChartType;
import io.cncvision.spc.chart.AttributeLimits;
import io.cncvision.spc.chart.TimeWeightedCharts;
import io.cncvision.spc.rules.RuleSet;
import io.cncvision.spc.rules.RunRule;
import io.cncvision.spc.rules.RunRuleWindow;
import io.cncvision.spc.rules.Signal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Phase II of a characteristic's chart: every subgroup after the limits were established, plotted
 * and judged against them. Shewhart charts (x-bar, individuals, p, np, c, u) are judged by the run
 * rules in force over the window they need, and a secondary-chart point beyond its limits raises
 * {@code R_1}, {@code S_1} or {@code MR_1}. EWMA and CUSUM statistics are autocorrelated, so zone
 * rules do not apply to them: a point beyond its limits raises the set's first rule, as
 * {@code spc analyze} does.
 *
 * <p>{@link #judge} moves the state, so the aggregate decides on a {@link #copy()} and moves its own
 * chart from the recorded event. Plain fields, so the aggregate's snapshot holds it (Jackson field access).
 */
final class LiveChart {

    /** What a judged point plots, and the signals it raises. */
    record Judgement(PlottedPoint point, List<Finding> findings) {
    }

    /** One signal: its rule, the subgroups of its pattern, and the figures of the chart it fired on. */
    record Finding(String rule, List<Long> subgroups, double value, double center, double lcl, double ucl) {
    }

    private ChartType chart;
    private int subgroupSize;
    private ControlLimitsEstablished limits;
    private RunRuleWindow window;
    // The subgroup judged first; the window indexes its points from it.
    private long firstJudgedSubgroup;
    private long judged;
    // The last individual value, for the moving range of an individuals chart.
    private double previous;
    private double ewma;
    private double upperSum;
    private double lowerSum;

    /** For Jackson: rebuilt from a snapshot. */
    LiveChart() {
    }

    /**
     * Limits {@code limits} judge from subgroup {@code firstSubgroup} on; {@code previous} is the value of
     * the subgroup before it, from which an individuals chart's first moving range is taken.
     */
    LiveChart(ChartType chart, int subgroupSize, ControlLimitsEstablished limits, long firstSubgroup,
              double previous) {
        this.chart = chart;
        this.subgroupSize = subgroupSize;
        this.limits = limits;
        this.window = new RunRuleWindow(RuleSet.parse(limits.rules()));
        this.firstJudgedSubgroup = firstSubgroup;
        this.previous = previous;
        this.ewma = limits.center();
    }

    /** An independent chart in the same state. */
    LiveChart copy() {
        LiveChart copy = new LiveChart();
        copy.chart = chart;
        copy.subgroupSize = subgroupSize;
        copy.limits = limits;
        copy.window = window.copy();
        copy.firstJudgedSubgroup = firstJudgedSubgroup;
        copy.judged = judged;
        copy.previous = previous;
        copy.ewma = ewma;
        copy.upperSum = upperSum;
        copy.lowerSum = lowerSum;
        return copy;
    }

    /**
     * The same limits judging afresh from {@code firstSubgroup}, after the process was adjusted: the run rules'
     * window, the EWMA and the CUSUM sums start again, and an individuals chart takes no moving range across the
     * adjustment, which would measure the adjustment rather than the process.
     */
    LiveChart restartedAt(long firstSubgroup) {
        return new LiveChart(chart, subgroupSize, limits, firstSubgroup, Double.NaN);
    }

    ControlLimitsEstablished limits() {
        return limits;
    }

    /**
     * Plots and judges the next subgroup. Variables charts pass its mean and its range (x-bar-R and
     * individuals) or standard deviation (x-bar-S); attribute charts pass the sample's count and size
     * and NaN for the dispersion.
     */
    Judgement judge(long subgroup, double statistic, double dispersion, double size) {
        judged++;
        return switch (chart) {
            case XBAR_R, XBAR_S, IMR -> shewhartVariables(subgroup, statistic, dispersion);
            case P, NP, C, U -> attribute(subgroup, statistic, size);
            case EWMA -> ewma(subgroup, statistic);
            case CUSUM -> cusum(subgroup, statistic);
        };
    }

    private Judgement shewhartVariables(long subgroup, double mean, double dispersion) {
        // NaN where there is no moving range: the first point after an adjustment.
        double secondary = chart == ChartType.IMR ? Math.abs(mean - previous) : dispersion;
        previous = mean;
        List<Finding> findings = runRules(mean, limits.center(), limits.sigma() / Math.sqrt(subgroupSize),
                limits.lcl(), limits.ucl());
        boolean beyond = secondary > limits.secondaryUcl()
                || (limits.secondaryLcl() > 0 && secondary < limits.secondaryLcl());
        if (beyond && ruleSet() != RuleSet.NONE) {
            String rule = switch (chart) {
                case XBAR_S -> "S_1";
                case IMR -> "MR_1";
                default -> "R_1";
            };
            findings.add(new Finding(rule, List.of(subgroup), secondary, limits.secondaryCenter(),
                    limits.secondaryLcl(), limits.secondaryUcl()));
        }
        return new Judgement(new PlottedPoint(mean, limits.lcl(), limits.ucl(),
                Double.isNaN(secondary) ? null : secondary), findings);
    }

    private Judgement attribute(long subgroup, double count, double size) {
        io.cncvision.spc.chart.ChartType spcChart = SpcCharts.of(chart);
        double value = AttributeLimits.statistic(spcChart, count, size);
        AttributeLimits point = AttributeLimits.of(spcChart, limits.center(), size);
        List<Finding> findings = runRules(value, limits.center(), point.sigma(), point.lcl(), point.ucl());
        return new Judgement(new PlottedPoint(value, point.lcl(), point.ucl(), null), findings);
    }

    private Judgement ewma(long subgroup, double mean) {
        double lambda = limits.parameters().get(SpcCharts.LAMBDA);
        ewma = lambda * mean + (1 - lambda) * ewma;
        double halfWidth = TimeWeightedCharts.ewmaHalfWidth(limits.sigma() / Math.sqrt(subgroupSize), lambda,
                limits.parameters().get(SpcCharts.WIDTH), judged);
        double lcl = limits.center() - halfWidth;
        double ucl = limits.center() + halfWidth;
        List<Finding> findings = new ArrayList<>(1);
        if (ewma < lcl || ewma > ucl) {
            beyond(subgroup, ewma, limits.center(), lcl, ucl, findings);
        }
        return new Judgement(new PlottedPoint(ewma, lcl, ucl, null), findings);
    }

    private Judgement cusum(long subgroup, double mean) {
        double sigmaOfMean = limits.sigma() / Math.sqrt(subgroupSize);
        double target = limits.parameters().get(SpcCharts.MEAN);
        double reference = limits.parameters().get(SpcCharts.K) * sigmaOfMean;
        upperSum = Math.max(0, mean - (target + reference) + upperSum);
        lowerSum = Math.max(0, (target - reference) - mean + lowerSum);
        List<Finding> findings = new ArrayList<>(1);
        if (upperSum > limits.ucl()) {
            beyond(subgroup, upperSum, 0, limits.lcl(), limits.ucl(), findings);
        } else if (lowerSum > limits.ucl()) {
            beyond(subgroup, -lowerSum, 0, limits.secondaryLcl(), limits.secondaryUcl(), findings);
        }
        return new Judgement(new PlottedPoint(upperSum, limits.lcl(), limits.ucl(), -lowerSum), findings);
    }

    private void beyond(long subgroup, double value, double center, double lcl, double ucl, List<Finding> findings) {
        RuleSet rules = ruleSet();
        if (rules != RuleSet.NONE) {
            RunRule first = rules.rules().get(0);
            findings.add(new Finding(first.name(), List.of(subgroup), value, center, lcl, ucl));
        }
    }

    private List<Finding> runRules(double value, double center, double sigma, double lcl, double ucl) {
        List<Finding> findings = new ArrayList<>();
        for (Signal signal : window.add(value, center, sigma)) {
            List<Long> pattern = Arrays.stream(signal.points()).mapToObj(point -> firstJudgedSubgroup + point).toList();
            findings.add(new Finding(signal.rule().name(), pattern, value, center, lcl, ucl));
        }
        return findings;
    }

    private RuleSet ruleSet() {
        return window.ruleSet();
    }
}
