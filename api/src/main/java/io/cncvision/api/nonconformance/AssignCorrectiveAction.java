package io.cncvision.api.nonconformance;

import io.cncvision.api.Checks;
import io.cncvision.api.value.NonConformanceId;
import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Assigns a corrective action of a nonconformance to its owner, due on a date (IATF 16949 10.2.3); a
 * nonconformance may have several. {@code ownerId} is a user id (a token subject), never a person's name.
 */
public record AssignCorrectiveAction(@TargetAggregateIdentifier NonConformanceId nonConformanceId, String action,
                                     String ownerId, LocalDate dueOn, Instant assignedAt) {

    public AssignCorrectiveAction {
        Checks.required("nonConformanceId", nonConformanceId);
        Checks.text("action", action, 2048);
        Checks.text("ownerId", ownerId, 128);
        Checks.required("dueOn", dueOn);
        Checks.required("assignedAt", assignedAt);
    }
}
