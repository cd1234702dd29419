package io.cncvision.api.spc;

import java.time.Instant;
import java.util.List;

/**
 * A characteristic's control chart as recorded: one point per completed subgroup, in order, the control
 * limits in force (null until established) and the out-of-control signals among the points.
 */
public record SpcChartView(String characteristicId, String chart, String unit, int subgroupSize, Limits limits,
                           List<Point> points, List<Signal> signals) {

    /** One completed subgroup: its plotted mean and its spread. */
    public record Point(long subgroup, double mean, double range, double standardDeviation, List<Double> values,
                        Instant observedAt) {
    }

    /** Control limits computed from recorded subgroups, with who approved them and why. */
    public record Limits(long fromSubgroup, long toSubgroup, double center, double lcl, double ucl, double sigma,
                         double secondaryCenter, double secondaryLcl, double secondaryUcl, String rules,
                         String approvedBy, String reason, Instant establishedAt) {
    }

    /** A run rule that fired at a subgroup, naming the subgroups that make its pattern. */
    public record Signal(long subgroup, String rule, List<Long> subgroups, double value, Instant observedAt) {
    }

    /** What a live chart hears: exactly one of a new point, a signal or new limits. */
    public record Update(Point point, Signal signal, Limits limits) {
    }
}
