package io.cncvision.spc.chart;

import java.util.List;

/**
 * A computed control chart: limits from the first {@code phase1} subgroups, every subgroup judged.
 *
 * <p>{@code sigma} is the within-subgroup estimate of the process standard deviation (of single
 * measurements, not of subgroup means); for attribute charts it is the standard deviation of the
 * plotted statistic at the average phase-I sample size. Where limits vary per point (p and u with
 * varying sizes, EWMA) the points carry their exact limits and {@code lcl}/{@code ucl} here are those
 * of the average phase-I size (p, u) or the asymptotic ones (EWMA), so they are always finite.
 * {@code secondary} is null for charts without one (p, np, c, u, EWMA).
 */
public record ChartResult(String chart, int subgroups, int phase1, double center, double lcl, double ucl,
        double sigma, SecondaryChart secondary, List<ChartPoint> points) {

    public ChartResult {
        points = List.copyOf(points);
    }
}
