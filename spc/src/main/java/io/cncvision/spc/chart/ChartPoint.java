package io.cncvision.spc.chart;

/** One plotted point with the limits it is judged against (per point where limits vary). */
public record ChartPoint(String label, double value, double center, double lcl, double ucl) {

    /** Whether the point falls outside its control limits (Nelson rule 1, Western Electric rule 1). */
    public boolean beyondLimits() {
        return value > ucl || value < lcl;
    }
}
