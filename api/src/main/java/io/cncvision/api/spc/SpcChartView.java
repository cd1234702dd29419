package io.cncvision.api.spc;

import io.cncvision.api.characteristic.PlottedPoint;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A characteristic's control chart as recorded: one point per completed subgroup, in order, the control
 * limits in force (null until established) and the out-of-control signals among the points.
 */
public record SpcChartView(String characteristicId, String chart, String unit, int subgroupSize, Limits limits,
                           List<Point> points, List<Signal> signals) {

    /**
     * One completed subgroup: its mean and spread and measured values, or for an attribute sample its
     * {@code count} and {@code size}, with {@code mean} then the sample's fraction, rate or count (what
     * p, u, np and c charts plot) and no range, standard deviation or values. {@code plotted} is the
     * point as its chart plots it against the limits in force when it was recorded, null before any.
     */
    public record Point(long subgroup, double mean, Double range, Double standardDeviation, List<Double> values,
                        Instant observedAt, Long count, Long size, PlottedPoint plotted) {
    }

    /**
     * Control limits computed from recorded subgroups, with who approved them and why, and the
     * parameters of a time-weighted chart (see {@code ControlLimitsEstablished} for each chart's figures).
     */
    public record Limits(long fromSubgroup, long toSubgroup, double center, double lcl, double ucl, double sigma,
                         double secondaryCenter, double secondaryLcl, double secondaryUcl, String rules,
                         String approvedBy, String reason, Instant establishedAt, Map<String, Double> parameters) {
    }

    /** A run rule that fired at a subgroup, naming the subgroups that make its pattern. */
    public record Signal(long subgroup, String rule, List<Long> subgroups, double value, Instant observedAt) {
    }

    /** What a live chart hears: exactly one of a new point, a signal or new limits. */
    public record Update(Point point, Signal signal, Limits limits) {
    }
}
