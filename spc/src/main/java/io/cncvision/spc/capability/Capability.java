package io.cncvision.spc.capability;

import io.cncvision.spc.distribution.Distributions;
import java.util.function.DoubleUnaryOperator;

/**
 * Computes process capability (Cp, Cpk, Pp, Ppk, Cpm with 95 % intervals), tests normality and,
 * when normality is rejected, adds a non-normal capability.
 */
public final class Capability {

    /** The fewest values accepted: what the Anderson-Darling p-value is tabulated for. */
    public static final int MIN_VALUES = AndersonDarling.MIN_VALUES;

    // ISO 22514-2 percentile method: the 0.135 % and 99.865 % points span ±3σ of a normal.
    private static final double LOWER_TAIL = 0.00135;
    private static final double UPPER_TAIL = 0.99865;

    private Capability() {
    }

    /**
     * The capability of {@code values} against {@code spec}.
     *
     * @param values every measurement of the period studied, in any order
     * @param sigmaWithin the within-subgroup standard deviation estimated by the caller, e.g. R̄/d2
     */
    public static CapabilityResult of(double[] values, double sigmaWithin, SpecLimits spec) {
        if (values == null || spec == null) {
            throw new IllegalArgumentException("capability needs values and a specification");
        }
        int n = values.length;
        if (n < MIN_VALUES) {
            throw new IllegalArgumentException("capability needs at least " + MIN_VALUES + " values, got " + n);
        }
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException("value " + (i + 1) + " is not a finite number: " + values[i]);
            }
        }
        if (!(sigmaWithin > 0) || Double.isInfinite(sigmaWithin)) {
            throw new IllegalArgumentException("sigmaWithin must be a finite number > 0, got " + sigmaWithin);
        }
        double mean = Samples.mean(values);
        double sigmaOverall = Samples.standardDeviation(values, mean);
        if (!(sigmaOverall > 0)) {
            throw new IllegalArgumentException("capability needs values that are not all equal");
        }

        Double cp = potential(spec, sigmaWithin);
        Double cpk = performance(spec, mean, sigmaWithin);
        Double pp = potential(spec, sigmaOverall);
        Double ppk = performance(spec, mean, sigmaOverall);
        Double cpm = null;
        if (spec.twoSided() && spec.target() != null) {
            // Chan, Cheng and Spiring (1988) / Montgomery's form, with the overall sample standard
            // deviation (n - 1): Cpm = (USL - LSL) / (6 sqrt(s² + (x̄ - T)²)).
            double offTarget = mean - spec.target();
            cpm = (spec.usl() - spec.lsl()) / (6 * Math.sqrt(sigmaOverall * sigmaOverall + offTarget * offTarget));
        }

        Normality normality = AndersonDarling.test(values);
        String method = CapabilityResult.NORMAL;
        NonNormal nonNormal = null;
        if (normality.rejected()) {
            nonNormal = boxCox(values, spec);
            method = CapabilityResult.BOX_COX;
            if (nonNormal == null) {
                nonNormal = percentile(values, spec);
                method = CapabilityResult.PERCENTILE;
            }
        }
        return new CapabilityResult(cp, cpk, pp, ppk, cpm,
                chiSquareInterval(cp, n), bissellInterval(cpk, n),
                chiSquareInterval(pp, n), bissellInterval(ppk, n),
                mean, sigmaWithin, sigmaOverall, n, normality, method, nonNormal);
    }

    /** Cp or Pp: (USL - LSL) / 6σ; null for a one-sided specification. */
    private static Double potential(SpecLimits spec, double sigma) {
        return spec.twoSided() ? (spec.usl() - spec.lsl()) / (6 * sigma) : null;
    }

    /** Cpk or Ppk: min(USL - μ, μ - LSL) / 3σ over the limits given. */
    private static double performance(SpecLimits spec, double mean, double sigma) {
        double distance = Double.POSITIVE_INFINITY;
        if (spec.usl() != null) {
            distance = spec.usl() - mean;
        }
        if (spec.lsl() != null) {
            distance = Math.min(distance, mean - spec.lsl());
        }
        return distance / (3 * sigma);
    }

    /** Cp·sqrt(χ²(α/2, ν)/ν) to Cp·sqrt(χ²(1 - α/2, ν)/ν) with ν = n - 1. */
    private static Interval chiSquareInterval(Double index, int n) {
        if (index == null) {
            return null;
        }
        double alpha = 1 - CapabilityResult.CONFIDENCE;
        int dof = n - 1;
        return new Interval(
                index * Math.sqrt(Distributions.chiSquareQuantile(alpha / 2, dof) / dof),
                index * Math.sqrt(Distributions.chiSquareQuantile(1 - alpha / 2, dof) / dof));
    }

    /** Bissell (1990): Cpk ± z(1 - α/2) sqrt(1/(9n) + Cpk²/(2(n - 1))). */
    private static Interval bissellInterval(double index, int n) {
        double z = Distributions.normalQuantile(1 - (1 - CapabilityResult.CONFIDENCE) / 2);
        double halfWidth = z * Math.sqrt(1.0 / (9.0 * n) + index * index / (2.0 * (n - 1)));
        return new Interval(index - halfWidth, index + halfWidth);
    }

    /**
     * Box-Cox capability: transform data and limits with the maximum-likelihood λ, then the normal
     * Pp and Ppk of the transformed data. Null when it does not apply: a value or limit that is not
     * positive, or transformed data that still fail the Anderson-Darling test.
     */
    private static NonNormal boxCox(double[] values, SpecLimits spec) {
        for (double v : values) {
            if (!(v > 0)) {
                return null;
            }
        }
        if (spec.lsl() != null && !(spec.lsl() > 0) || spec.usl() != null && !(spec.usl() > 0)) {
            return null;
        }
        double lambda = BoxCox.lambda(values);
        DoubleUnaryOperator t = x -> BoxCox.transform(x, lambda);
        double[] y = new double[values.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = t.applyAsDouble(values[i]);
        }
        double mean = Samples.mean(y);
        double sigma = Samples.standardDeviation(y, mean);
        if (!(sigma > 0) || AndersonDarling.test(y).rejected()) {
            return null;
        }
        SpecLimits transformed = new SpecLimits(
                spec.lsl() == null ? null : t.applyAsDouble(spec.lsl()),
                spec.usl() == null ? null : t.applyAsDouble(spec.usl()),
                null);
        return new NonNormal(potential(transformed, sigma), performance(transformed, mean, sigma), lambda);
    }

    /**
     * ISO 22514-2 / Clements percentile method with empirical quantiles (Hyndman-Fan definition 7,
     * see {@link Samples#quantile}): Pp = (USL - LSL)/(X99.865 - X0.135),
     * Ppk = min((USL - median)/(X99.865 - median), (median - LSL)/(median - X0.135)).
     */
    private static NonNormal percentile(double[] values, SpecLimits spec) {
        double[] sorted = Samples.sorted(values);
        double low = Samples.quantile(sorted, LOWER_TAIL);
        double median = Samples.quantile(sorted, 0.5);
        double high = Samples.quantile(sorted, UPPER_TAIL);
        Double pp = spec.twoSided() ? (spec.usl() - spec.lsl()) / (high - low) : null;
        double ppk = Double.POSITIVE_INFINITY;
        if (spec.usl() != null) {
            ppk = (spec.usl() - median) / (high - median);
        }
        if (spec.lsl() != null) {
            ppk = Math.min(ppk, (median - spec.lsl()) / (median - low));
        }
        return new NonNormal(pp, Double.isFinite(ppk) ? ppk : null, null);
    }
}
