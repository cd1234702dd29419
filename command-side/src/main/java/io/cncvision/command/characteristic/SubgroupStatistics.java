package io.cncvision.command.characteristic;

import java.util.List;

/** The statistics of one subgroup that a variables control chart plots. */
record SubgroupStatistics(double mean, double range, double standardDeviation) {

    /** Mean, range (max - min) and sample standard deviation (n - 1; 0 for a single value). */
    static SubgroupStatistics of(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("a subgroup needs at least one value");
        }
        int n = values.size();
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double value : values) {
            sum += value;
            min = Math.min(min, value);
            max = Math.max(max, value);
        }
        double mean = sum / n;
        // Two passes: summing squared deviations from the mean does not cancel the way sum(x^2) - n*mean^2 does.
        double squaredDeviations = 0;
        for (double value : values) {
            squaredDeviations += (value - mean) * (value - mean);
        }
        double standardDeviation = n == 1 ? 0 : Math.sqrt(squaredDeviations / (n - 1));
        return new SubgroupStatistics(mean, max - min, standardDeviation);
    }
}
