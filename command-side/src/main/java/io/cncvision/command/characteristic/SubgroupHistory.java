package io.cncvision.command.characteristic;

import java.util.Arrays;

/**
 * The statistics (mean, range, standard deviation) of a characteristic's last {@value #CAPACITY}
 * completed subgroups: what control limits are computed from. Subgroups of one characteristic all
 * have its one subgroup size, so the size is not kept per subgroup. An attribute chart's samples are
 * held in the same places: the count where a mean is, the size where a range is.
 *
 * <p>The bound keeps the aggregate and its snapshot small (three arrays of at most {@value #CAPACITY}
 * doubles); a baseline is chosen from recent production, and one that has left the history is
 * refused, naming the oldest subgroup still held. The arrays grow as subgroups complete and then
 * become a ring indexed by subgroup number. Plain fields, so Jackson field access snapshots it.
 */
class SubgroupHistory {

    /** How many completed subgroups are held. */
    static final int CAPACITY = 1000;

    private double[] means = new double[0];
    private double[] ranges = new double[0];
    private double[] standardDeviations = new double[0];
    // The number of the last completed subgroup; 0 before the first.
    private long lastCompleted;

    /** Records subgroup {@code subgroup}, which completes after {@link #lastCompleted()}. */
    void add(long subgroup, double mean, double range, double standardDeviation) {
        int slot = slot(subgroup);
        if (slot >= means.length) {
            int length = (int) Math.min(CAPACITY, Math.max(16, 2L * means.length));
            means = Arrays.copyOf(means, length);
            ranges = Arrays.copyOf(ranges, length);
            standardDeviations = Arrays.copyOf(standardDeviations, length);
        }
        means[slot] = mean;
        ranges[slot] = range;
        standardDeviations[slot] = standardDeviation;
        lastCompleted = subgroup;
    }

    /** Records the attribute sample {@code subgroup}, which completes after {@link #lastCompleted()}. */
    void addCount(long subgroup, long count, long size) {
        add(subgroup, count, size, 0);
    }

    /** The number of the last completed subgroup; 0 before the first. */
    long lastCompleted() {
        return lastCompleted;
    }

    /** The oldest subgroup still held; greater than {@link #lastCompleted()} when none is. */
    long oldestHeld() {
        return Math.max(1, lastCompleted - CAPACITY + 1);
    }

    double mean(long subgroup) {
        return means[held(subgroup)];
    }

    double range(long subgroup) {
        return ranges[held(subgroup)];
    }

    double standardDeviation(long subgroup) {
        return standardDeviations[held(subgroup)];
    }

    /** The count of an attribute sample. */
    double count(long subgroup) {
        return mean(subgroup);
    }

    /** The size of an attribute sample. */
    double size(long subgroup) {
        return range(subgroup);
    }

    private int held(long subgroup) {
        if (subgroup < oldestHeld() || subgroup > lastCompleted) {
            throw new IllegalArgumentException("subgroup " + subgroup + " is not held: " + oldestHeld() + ".."
                    + lastCompleted + " are");
        }
        return slot(subgroup);
    }

    private static int slot(long subgroup) {
        return (int) ((subgroup - 1) % CAPACITY);
    }
}
