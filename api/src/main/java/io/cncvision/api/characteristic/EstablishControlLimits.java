package io.cncvision.api.characteristic;

import io.cncvision.api.Checks;
import io.cncvision.api.value.CharacteristicId;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Freezes control limits computed from the recorded subgroups {@code fromSubgroup..toSubgroup}
 * (inclusive), judged from then on by the run rules named by {@code rules} ({@code nelson},
 * {@code western-electric} or {@code none}). Limits are never typed in: only the baseline is named.
 * {@code parameters} tune the time-weighted charts, the defaults applying to what is not named:
 * EWMA {@code lambda} (0.2) and {@code L} (3), CUSUM {@code k} (0.5) and {@code h} (4); other charts
 * take none. Null means none given.
 */
public record EstablishControlLimits(@TargetAggregateIdentifier CharacteristicId characteristicId, long fromSubgroup,
                                     long toSubgroup, String rules, String approvedBy, String reason,
                                     Map<String, Double> parameters) {

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
        if (parameters == null) {
            parameters = Map.of();
        }
        parameters.forEach((name, value) -> Checks.finite("parameters." + name, value == null ? Double.NaN : value));
        parameters = Map.copyOf(parameters);
    }
}
