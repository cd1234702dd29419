package io.cncvision.api.spc;

import java.time.Instant;
import java.util.List;

/** A characteristic's control chart as recorded: one point per completed subgroup, in order. */
public record SpcChartView(String characteristicId, String chart, String unit, int subgroupSize, List<Point> points) {

    /** One completed subgroup: its plotted mean and its spread. */
    public record Point(long subgroup, double mean, double range, double standardDeviation, List<Double> values,
                        Instant observedAt) {
    }
}
