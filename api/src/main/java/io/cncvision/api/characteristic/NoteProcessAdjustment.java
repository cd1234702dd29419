package io.cncvision.api.characteristic;

import io.cncvision.api.Checks;
import io.cncvision.api.value.CharacteristicId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Notes that the process was adjusted (an offset written): the run rules judge the subgroups after it afresh,
 * as points made before a correction say nothing of the process after it. {@code reference} names the
 * adjustment (the offset request); the same reference again records nothing.
 */
public record NoteProcessAdjustment(@TargetAggregateIdentifier CharacteristicId characteristicId, String reference,
                                    Instant adjustedAt) {

    public NoteProcessAdjustment {
        Checks.required("characteristicId", characteristicId);
        Checks.text("reference", reference, 256);
        Checks.required("adjustedAt", adjustedAt);
    }
}
