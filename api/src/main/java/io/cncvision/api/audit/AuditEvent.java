package io.cncvision.api.audit;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;

/** One stored event as an auditor reads it; payload and metadata are the stored JSON, unaltered. */
public record AuditEvent(long globalIndex, String eventId, String aggregateType, String aggregateId, long sequence,
                         String type, String revision, Instant timestamp, @JsonRawValue String payload,
                         @JsonRawValue String metadata) {
}
