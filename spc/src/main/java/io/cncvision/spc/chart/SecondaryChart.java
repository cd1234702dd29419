package io.cncvision.spc.chart;

import java.util.List;

/** The companion chart of dispersion (R, S, MR) or, for CUSUM, the lower cumulative sum. */
public record SecondaryChart(String chart, double center, double lcl, double ucl, List<ChartPoint> points) {

    public SecondaryChart {
        points = List.copyOf(points);
    }
}
