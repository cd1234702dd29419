package io.cncvision.spc.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Judges a series one point at a time, keeping only the last {@link RunRule#LONGEST_WINDOW} points;
 * gives the same signals as {@link RunRuleEvaluator}. Its state is plain fields so that an aggregate
 * can snapshot it (Jackson field access).
 */
public final class RunRuleWindow {

    private RuleSet set;
    /** Plotted values of the last points, ring-indexed by point index modulo the window length. */
    private double[] values;
    /** The same points' distances from their centre, in sigmas. */
    private double[] z;
    /** How many points have been added: the index the next point gets. */
    private long added;

    /** For deserialisation only. */
    private RunRuleWindow() {
    }

    /** An empty window judging by {@code set}. */
    public RunRuleWindow(RuleSet set) {
        this.set = Objects.requireNonNull(set, "set");
        this.values = new double[RunRule.LONGEST_WINDOW];
        this.z = new double[RunRule.LONGEST_WINDOW];
    }

    /**
     * An independent window in the same state, so a caller can learn what the next point signals
     * without moving this one (an aggregate decides on a copy, then moves its state from the event).
     */
    public RunRuleWindow copy() {
        RunRuleWindow copy = new RunRuleWindow();
        copy.set = set;
        copy.values = values.clone();
        copy.z = z.clone();
        copy.added = added;
        return copy;
    }

    /** The rule set this window judges by. */
    public RuleSet ruleSet() {
        return set;
    }

    /** How many points have been added so far; the next point's index. */
    public long added() {
        return added;
    }

    /**
     * Adds the next point and returns the signals that fire at it, ordered by rule; points are
     * indexed from the first point ever added.
     *
     * @throws IllegalArgumentException naming the point's index, if a value or centre is not finite
     *     or sigma is not positive and finite; the window is then unchanged
     */
    public List<Signal> add(double value, double center, double sigma) {
        if (added >= Integer.MAX_VALUE) {
            throw new IllegalStateException("a signal indexes points as int: no more than " + Integer.MAX_VALUE);
        }
        int index = (int) added;
        double standardised = RunRuleEvaluator.standardise(index, value, center, sigma);
        values[index % values.length] = value;
        z[index % z.length] = standardised;
        added++;

        // lay the kept points out in order, oldest first, for the shared checks
        int kept = (int) Math.min(added, values.length);
        int first = index - kept + 1;
        double[] orderedValues = new double[kept];
        double[] orderedZ = new double[kept];
        for (int i = 0; i < kept; i++) {
            orderedValues[i] = values[(first + i) % values.length];
            orderedZ[i] = z[(first + i) % z.length];
        }
        List<Signal> signals = new ArrayList<>();
        for (RunRule rule : set.rules()) {
            int[] points = RunRuleChecks.match(rule, orderedValues, orderedZ, kept - 1);
            if (points != null) {
                for (int i = 0; i < points.length; i++) {
                    points[i] += first;
                }
                signals.add(new Signal(rule, points, index));
            }
        }
        return signals;
    }
}
