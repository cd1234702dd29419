package io.cncvision.api.characteristic;

import io.cncvision.api.Checks;
import io.cncvision.api.value.CharacteristicId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Notes that the process was adjusted (an offset written at {@code adjustedAt}): the run rules judge afresh from
 * the first subgroup completed by a value observed at {@code effectiveFrom} or later, as values of parts made
 * before the correction say nothing of the process after it. {@code reference} names the adjustment (the offset
 * request); the same reference again records nothing.
 */
public record NoteProcessAdjustment(@TargetAggregateIdentifier CharacteristicId characteristicId, String reference,
                                    Instant adjustedAt, Instant effectiveFrom) {

    public NoteProcessAdjustment {
        Checks.required("characteristicId", characteristicId);
        Checks.text("reference", reference, 256);
        Checks.required("adjustedAt", adjustedAt);
        Checks.required("effectiveFrom", effectiveFrom);
    }
}
