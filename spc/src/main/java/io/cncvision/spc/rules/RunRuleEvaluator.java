package io.cncvision.spc.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** Judges a whole series of plotted points by a set of run rules. */
public final class RunRuleEvaluator {

    private RunRuleEvaluator() {
    }

    /**
     * The signals the rules of {@code set} give on {@code values}, ordered by point, then by rule.
     * {@code center} and {@code sigma} hold each point's centre line and the standard deviation of its
     * plotted statistic, so its zones are {@code center ± k·sigma} (varying, e.g., on a p or u chart).
     *
     * @throws IllegalArgumentException naming the index, if the arrays differ in length, a value or
     *     centre is not finite, or a sigma is not positive and finite
     */
    public static List<Signal> evaluate(RuleSet set, double[] values, double[] center, double[] sigma) {
        Objects.requireNonNull(set, "set");
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(center, "center");
        Objects.requireNonNull(sigma, "sigma");
        if (center.length != values.length || sigma.length != values.length) {
            throw new IllegalArgumentException("values, center and sigma must have one entry per point: "
                    + values.length + ", " + center.length + " and " + sigma.length);
        }
        double[] z = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            z[i] = standardise(i, values[i], center[i], sigma[i]);
        }
        List<Signal> signals = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            for (RunRule rule : set.rules()) {
                int[] points = RunRuleChecks.match(rule, values, z, i);
                if (points != null) {
                    signals.add(new Signal(rule, points, i));
                }
            }
        }
        return signals;
    }

    /** As {@link #evaluate(RuleSet, double[], double[], double[])} with one centre and sigma for every point. */
    public static List<Signal> evaluate(RuleSet set, double[] values, double center, double sigma) {
        Objects.requireNonNull(values, "values");
        double[] centers = new double[values.length];
        double[] sigmas = new double[values.length];
        Arrays.fill(centers, center);
        Arrays.fill(sigmas, sigma);
        return evaluate(set, values, centers, sigmas);
    }

    /** The point's distance from its centre in sigmas, after checking its inputs. */
    static double standardise(int index, double value, double center, double sigma) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("value at index " + index + " is not a finite number: " + value);
        }
        if (!Double.isFinite(center)) {
            throw new IllegalArgumentException("center at index " + index + " is not a finite number: " + center);
        }
        if (!(sigma > 0) || !Double.isFinite(sigma)) {
            throw new IllegalArgumentException("sigma at index " + index + " must be positive and finite: " + sigma);
        }
        return (value - center) / sigma;
    }
}
