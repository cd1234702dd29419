package io.cncvision.api.characteristic;

/**
 * A point as its chart plots it and the limits it was judged against, once control limits are in
 * force: the subgroup mean (x-bar, individuals), the EWMA statistic, the upper CUSUM or the sample's
 * fraction, rate or count (p, u, np, c), with that point's own limits (which vary with the sample size
 * on p and u charts and with time on an EWMA chart). {@code secondary} is the point of the secondary
 * chart: the range, standard deviation or moving range, or the lower CUSUM (plotted negative); null
 * for charts without one.
 */
public record PlottedPoint(double value, double lcl, double ucl, Double secondary) {
}
