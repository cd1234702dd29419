package io.cncvision.spc.capability;

/**
 * Process capability of one characteristic against its specification.
 *
 * <p>Within-subgroup indices (Cp, Cpk) use the caller's {@code sigmaWithin}; overall indices (Pp,
 * Ppk, Cpm) use {@code sigmaOverall}, the sample standard deviation with n - 1. With a one-sided
 * specification Cp, Pp and Cpm are null and Cpk, Ppk are Cpu/Cpl and Ppu/Ppl. Cpm is null without a
 * target.
 *
 * <p>The 95 % intervals use ν = n - 1 degrees of freedom for both sigmas: Cp and Pp by the
 * chi-square interval, Cp·sqrt(χ²(0.025, ν)/ν) to Cp·sqrt(χ²(0.975, ν)/ν); Cpk and Ppk by Bissell's
 * (1990) normal approximation, Cpk ± z(0.975)·sqrt(1/(9n) + Cpk²/(2(n - 1))). For a within sigma
 * from R̄/d2 the effective degrees of freedom are fewer than n - 1, so the Cp interval is then
 * somewhat narrow.
 *
 * @param method {@value #NORMAL}, or when normality is rejected {@value #BOX_COX} or
 *     {@value #PERCENTILE}, naming how {@code nonNormal} was computed
 * @param nonNormal the non-normal capability, null when {@code method} is {@value #NORMAL}
 */
public record CapabilityResult(
        Double cp, Double cpk, Double pp, Double ppk, Double cpm,
        Interval cpCi, Interval cpkCi, Interval ppCi, Interval ppkCi,
        double mean, double sigmaWithin, double sigmaOverall, int n,
        Normality normality, String method, NonNormal nonNormal) {

    public static final String NORMAL = "normal";
    public static final String BOX_COX = "box-cox";
    public static final String PERCENTILE = "percentile";

    /** The confidence level of the intervals. */
    public static final double CONFIDENCE = 0.95;

    /** The degrees of freedom the intervals use, n - 1. */
    public int degreesOfFreedom() {
        return n - 1;
    }
}
