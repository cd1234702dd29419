package io.cncvision.spc.analysis;

import io.cncvision.spc.capability.Capability;
import io.cncvision.spc.capability.CapabilityResult;
import io.cncvision.spc.capability.SpecLimits;
import io.cncvision.spc.chart.AttributeSample;
import io.cncvision.spc.chart.ChartPoint;
import io.cncvision.spc.chart.ChartResult;
import io.cncvision.spc.chart.ChartType;
import io.cncvision.spc.chart.ControlCharts;
import io.cncvision.spc.chart.Subgroup;
import io.cncvision.spc.rules.RuleSet;
import io.cncvision.spc.rules.RunRule;
import io.cncvision.spc.rules.RunRuleEvaluator;
import io.cncvision.spc.rules.Signal;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * One analysis of a data set: the chart with limits from its phase I, the run-rule signals of every
 * point, and, when a specification is given, the capability of the phase-I measurements.
 */
public final class SpcAnalysis {

    private SpcAnalysis() {
    }

    /** The chart, each point's signals (by rule name) and the capability, or null without a specification. */
    public record Result(ChartResult chart, List<List<String>> signals, CapabilityResult capability) {
    }

    public static Result ofVariables(ChartType type, List<Subgroup> subgroups, OptionalInt phase1, RuleSet rules,
                                     SpecLimits spec) {
        ChartResult chart = ControlCharts.variables(type, subgroups, phase1);
        CapabilityResult capability = null;
        if (spec != null) {
            double[] baseline = subgroups.subList(0, chart.phase1()).stream()
                    .flatMapToDouble(s -> java.util.Arrays.stream(s.values()))
                    .toArray();
            capability = Capability.of(baseline, chart.sigma(), spec);
        }
        return new Result(chart, signals(type, chart, rules), capability);
    }

    public static Result ofAttributes(ChartType type, List<AttributeSample> samples, OptionalInt phase1,
                                      RuleSet rules) {
        ChartResult chart = ControlCharts.attributes(type, samples, phase1);
        return new Result(chart, signals(type, chart, rules), null);
    }

    /**
     * Run rules judge Shewhart charts by zones of the plotted statistic's sigma, taken per point from the
     * side of its limits that was not clipped at 0 or 1. EWMA and CUSUM statistics are autocorrelated,
     * so zone rules do not apply to them: only the first rule, a point beyond its limits, is judged.
     */
    static List<List<String>> signals(ChartType type, ChartResult chart, RuleSet rules) {
        List<ChartPoint> points = chart.points();
        List<List<String>> byPoint = new ArrayList<>(points.size());
        for (int i = 0; i < points.size(); i++) {
            byPoint.add(new ArrayList<>(1));
        }
        if (rules == RuleSet.NONE) {
            return byPoint;
        }
        if (type == ChartType.EWMA || type == ChartType.CUSUM) {
            RunRule beyond = rules == RuleSet.NELSON ? RunRule.NELSON_1 : RunRule.WE_1;
            for (int i = 0; i < points.size(); i++) {
                boolean secondaryBeyond = chart.secondary() != null && chart.secondary().points().get(i).beyondLimits();
                if (points.get(i).beyondLimits() || secondaryBeyond) {
                    byPoint.get(i).add(beyond.name());
                }
            }
            return byPoint;
        }
        int n = points.size();
        double[] values = new double[n];
        double[] centers = new double[n];
        double[] sigmas = new double[n];
        for (int i = 0; i < n; i++) {
            ChartPoint p = points.get(i);
            values[i] = p.value();
            centers[i] = p.center();
            sigmas[i] = Math.max(p.ucl() - p.center(), p.center() - p.lcl()) / 3;
        }
        for (Signal signal : RunRuleEvaluator.evaluate(rules, values, centers, sigmas)) {
            byPoint.get(signal.at()).add(signal.rule().name());
        }
        return byPoint;
    }
}
