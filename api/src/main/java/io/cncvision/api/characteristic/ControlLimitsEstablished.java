package io.cncvision.api.characteristic;

import io.cncvision.api.value.CharacteristicId;
import java.util.Map;
import org.axonframework.serialization.Revision;

/**
 * Control limits computed from the recorded subgroups {@code fromSubgroup..toSubgroup} are in force
 * from the next subgroup on, replacing any before them. {@code center}, {@code lcl} and {@code ucl}
 * are those of the plotted mean (or individual value); {@code sigma} is the within-subgroup estimate
 * of the standard deviation of single measurements; the secondary chart is the R, S or moving-range
 * chart of {@code chart}. {@code rules} is the run-rule set later subgroups are judged by.
 *
 * <p>Per chart: for p, np, c and u, {@code center} is p-bar, n p-bar, c-bar or u-bar, {@code sigma}
 * that of the plotted statistic at the baseline's average sample size, {@code lcl}/{@code ucl} the
 * limits at that size (each point is judged at its own size), and there is no secondary chart (its
 * figures are 0). For EWMA, {@code center} is the baseline mean mu_0, {@code lcl}/{@code ucl} the
 * asymptotic limits, and {@code parameters} hold {@code lambda} and {@code L}. For the tabular CUSUM
 * the chart plots the upper sums, the secondary chart the lower sums negated, both with centre 0 and
 * limits -H..H; {@code parameters} hold {@code k}, {@code h} (in sigmas of the plotted mean) and
 * {@code mean}, the mu_0 the sums are taken from. Other charts have no parameters; events recorded
 * before parameters existed read as null.
 */
@Revision("1")
public record ControlLimitsEstablished(CharacteristicId characteristicId, long fromSubgroup, long toSubgroup,
                                       String chart, double center, double lcl, double ucl, double sigma,
                                       double secondaryCenter, double secondaryLcl, double secondaryUcl,
                                       String rules, String approvedBy, String reason,
                                       Map<String, Double> parameters) {
}
