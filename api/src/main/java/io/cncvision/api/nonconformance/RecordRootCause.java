package io.cncvision.api.nonconformance;

import io.cncvision.api.Checks;
import io.cncvision.api.value.NonConformanceId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records the root cause of a nonconformance and how it was found (IATF 16949 10.2.3: "5 why", Ishikawa,
 * 8D). A later record supersedes an earlier one while the nonconformance is open; {@code recordedBy} is the
 * recorder's user id (the token subject), never a person's name.
 */
public record RecordRootCause(@TargetAggregateIdentifier NonConformanceId nonConformanceId, String rootCause,
                              String method, String recordedBy, Instant recordedAt) {

    public RecordRootCause {
        Checks.required("nonConformanceId", nonConformanceId);
        Checks.text("rootCause", rootCause, 4096);
        Checks.text("method", method, 128);
        Checks.text("recordedBy", recordedBy, 128);
        Checks.required("recordedAt", recordedAt);
    }
}
