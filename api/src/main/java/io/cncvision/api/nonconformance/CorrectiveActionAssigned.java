package io.cncvision.api.nonconformance;

import io.cncvision.api.value.NonConformanceId;
import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** A corrective action was assigned; as {@link AssignCorrectiveAction}. */
@Revision("1")
public record CorrectiveActionAssigned(NonConformanceId nonConformanceId, String action, String ownerId,
                                       LocalDate dueOn, Instant assignedAt) {
}
