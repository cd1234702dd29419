package io.cncvision.spc.capability;

/**
 * The Anderson-Darling test of normality (mean and variance estimated from the data).
 *
 * @param a2 the statistic A²
 * @param a2Star A² with Stephens' (1986) small-sample correction, A²(1 + 0.75/n + 2.25/n²)
 * @param pValue the p-value of A*² by D'Agostino and Stephens' (1986) piecewise formula
 */
public record Normality(double a2, double a2Star, double pValue) {

    /** The significance level below which normality is rejected. */
    public static final double ALPHA = 0.05;

    /** Whether normality is rejected at {@link #ALPHA}. */
    public boolean rejected() {
        return pValue < ALPHA;
    }
}
