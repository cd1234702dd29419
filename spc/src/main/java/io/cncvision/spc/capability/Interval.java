package io.cncvision.spc.capability;

/** A two-sided confidence interval for a capability index. */
public record Interval(double lower, double upper) {

    public Interval {
        if (!(lower <= upper)) {
            throw new IllegalArgumentException("an interval needs lower <= upper, got [" + lower + ", " + upper + "]");
        }
    }
}
