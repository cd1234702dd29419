package io.cncvision.spc.chart;

import java.util.Arrays;

/** The measurements of one rational subgroup, in the order taken. */
public record Subgroup(String label, double[] values) {

    public Subgroup {
        if (label == null) {
            throw new IllegalArgumentException("a subgroup needs a label");
        }
        if (values == null || values.length == 0) {
            throw new IllegalArgumentException("subgroup " + label + " has no values");
        }
        values = values.clone();
        for (double value : values) {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("subgroup " + label + " has a value that is not a finite number: " + value);
            }
        }
    }

    /** A subgroup of one measurement, as an individuals chart plots it. */
    public static Subgroup of(String label, double... values) {
        return new Subgroup(label, values);
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    public int size() {
        return values.length;
    }

    public double mean() {
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return sum / values.length;
    }

    public double range() {
        double min = values[0];
        double max = values[0];
        for (double value : values) {
            min = Math.min(min, value);
            max = Math.max(max, value);
        }
        return max - min;
    }

    /** The sample standard deviation (divisor n - 1); 0 for a single value. */
    public double standardDeviation() {
        if (values.length < 2) {
            return 0;
        }
        double mean = mean();
        double squares = 0;
        for (double value : values) {
            squares += (value - mean) * (value - mean);
        }
        return Math.sqrt(squares / (values.length - 1));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Subgroup that && label.equals(that.label) && Arrays.equals(values, that.values);
    }

    @Override
    public int hashCode() {
        return 31 * label.hashCode() + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "Subgroup[" + label + ", " + Arrays.toString(values) + "]";
    }
}
