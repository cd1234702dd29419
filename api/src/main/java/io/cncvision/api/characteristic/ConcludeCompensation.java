package io.cncvision.api.characteristic;

import io.cncvision.api.Checks;
import io.cncvision.api.value.CharacteristicId;
import io.cncvision.api.value.NonConformanceId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records how the reaction to the out-of-control signal of subgroup {@code signalSubgroup} ended, after
 * {@code corrections} offset corrections; {@code nonConformanceId} is the report it escalated to, if any.
 */
public record ConcludeCompensation(@TargetAggregateIdentifier CharacteristicId characteristicId, long signalSubgroup,
                                   CompensationOutcome outcome, int corrections, double totalCorrectionMm,
                                   NonConformanceId nonConformanceId, String detail, Instant concludedAt) {

    public ConcludeCompensation {
        Checks.required("characteristicId", characteristicId);
        Checks.required("outcome", outcome);
        Checks.text("detail", detail, 1024);
        Checks.required("concludedAt", concludedAt);
    }
}
