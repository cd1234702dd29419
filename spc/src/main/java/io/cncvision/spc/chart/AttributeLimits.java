package io.cncvision.spc.chart;

/**
 * The plotted statistic of one attribute sample and its 3-sigma limits around a phase-I centre
 * (Montgomery ch. 7): the one place these formulas live, for charts of files and for the live
 * characteristic. Lower limits are floored at 0 and p's upper limit capped at 1; {@code sigma} is the
 * standard deviation of the plotted statistic, unclipped, which the run rules' zones are cut from.
 */
public record AttributeLimits(double sigma, double lcl, double ucl) {

    /**
     * The limits of a sample of {@code size} items (p, np) or inspection units (c, u) around
     * {@code center}: p-bar, n p-bar, c-bar or u-bar.
     */
    public static AttributeLimits of(ChartType chart, double center, double size) {
        double sigma = switch (chart) {
            case P -> Math.sqrt(center * (1 - center) / size);
            case NP -> Math.sqrt(center * (1 - center / size));
            case C -> Math.sqrt(center);
            case U -> Math.sqrt(center / size);
            default -> throw new IllegalArgumentException(chart.id() + " is not an attribute chart");
        };
        double ucl = center + 3 * sigma;
        return new AttributeLimits(sigma, Math.max(0, center - 3 * sigma), chart == ChartType.P ? Math.min(1, ucl) : ucl);
    }

    /** What the chart plots: the fraction (p) or rate (u) of the sample, or its count (np, c). */
    public static double statistic(ChartType chart, double count, double size) {
        return switch (chart) {
            case P, U -> count / size;
            case NP, C -> count;
            default -> throw new IllegalArgumentException(chart.id() + " is not an attribute chart");
        };
    }
}
