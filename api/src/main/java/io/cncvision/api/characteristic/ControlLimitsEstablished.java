package io.cncvision.api.characteristic;

import io.cncvision.api.value.CharacteristicId;
import org.axonframework.serialization.Revision;

/**
 * Control limits computed from the recorded subgroups {@code fromSubgroup..toSubgroup} are in force
 * from the next subgroup on, replacing any before them. {@code center}, {@code lcl} and {@code ucl}
 * are those of the plotted mean (or individual value); {@code sigma} is the within-subgroup estimate
 * of the standard deviation of single measurements; the secondary chart is the R, S or moving-range
 * chart of {@code chart}. {@code rules} is the run-rule set later subgroups are judged by.
 */
@Revision("1")
public record ControlLimitsEstablished(CharacteristicId characteristicId, long fromSubgroup, long toSubgroup,
                                       String chart, double center, double lcl, double ucl, double sigma,
                                       double secondaryCenter, double secondaryLcl, double secondaryUcl,
                                       String rules, String approvedBy, String reason) {
}
