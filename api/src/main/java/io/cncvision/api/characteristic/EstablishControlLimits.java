package io.cncvision.api.characteristic;

import io.cncvision.api.Checks;
import io.cncvision.api.value.CharacteristicId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Freezes control limits computed from the recorded subgroups {@code fromSubgroup..toSubgroup}
 * (inclusive), judged from then on by the run rules named by {@code rules} ({@code nelson},
 * {@code western-electric} or {@code none}). Limits are never typed in: only the baseline is named.
 */
public record EstablishControlLimits(@TargetAggregateIdentifier CharacteristicId characteristicId, long fromSubgroup,
                                     long toSubgroup, String rules, String approvedBy, String reason) {

    public EstablishControlLimits {
        Checks.required("characteristicId", characteristicId);
        if (fromSubgroup < 1) {
            throw new IllegalArgumentException("fromSubgroup must be at least 1, not " + fromSubgroup);
        }
        if (toSubgroup < fromSubgroup) {
            throw new IllegalArgumentException("toSubgroup (" + toSubgroup + ") must not be before fromSubgroup ("
                    + fromSubgroup + ")");
        }
        Checks.text("rules", rules, 32);
        Checks.text("approvedBy", approvedBy, 128);
        Checks.text("reason", reason, 512);
    }
}
