package io.cncvision.api.spc;

/**
 * Process capability of a characteristic over a range of its subgroups: within-subgroup indices (Cp, Cpk),
 * overall ones (Pp, Ppk), Cpm about the nominal, the Anderson-Darling p-value, and, when normality is
 * rejected, the non-normal Pp and Ppk with the method that gave them ({@code box-cox} or {@code percentile}).
 * An index a one-sided specification does not define is null.
 */
public record SpcCapabilityView(String characteristicId, long fromSubgroup, long toSubgroup, int n, Double lsl,
                                Double usl, double nominal, double mean, double sigmaWithin, double sigmaOverall,
                                Double cp, Double cpk, Double pp, Double ppk, Double cpm, String method,
                                double normalityPValue, Double nonNormalPp, Double nonNormalPpk, Double boxCoxLambda) {
}
