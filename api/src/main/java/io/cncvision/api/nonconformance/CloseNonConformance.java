package io.cncvision.api.nonconformance;

import io.cncvision.api.Checks;
import io.cncvision.api.value.NonConformanceId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Closes a nonconformance (IATF 16949 10.2.1 f): possible once its root cause, a corrective action and a
 * signed disposition are recorded; nothing changes after. {@code closedBy} is a user id.
 */
public record CloseNonConformance(@TargetAggregateIdentifier NonConformanceId nonConformanceId, String note,
                                  String closedBy, Instant closedAt) {

    public CloseNonConformance {
        Checks.required("nonConformanceId", nonConformanceId);
        Checks.text("note", note, 2048);
        Checks.text("closedBy", closedBy, 128);
        Checks.required("closedAt", closedAt);
    }
}
