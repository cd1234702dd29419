package io.cncvision.spc.capability;

/**
 * Overall capability computed without assuming normality, reported when the Anderson-Darling test
 * rejects it. Only the overall (performance) indices are given: the caller's within-subgroup sigma
 * belongs to the untransformed data.
 *
 * @param pp Pp by the method used, null for a one-sided specification
 * @param ppk Ppk (Ppu or Ppl for a one-sided specification), null when the data's spread toward the
 *     limit is zero
 * @param boxCoxLambda the Box-Cox exponent for {@code "box-cox"}, null for {@code "percentile"}
 */
public record NonNormal(Double pp, Double ppk, Double boxCoxLambda) {
}
