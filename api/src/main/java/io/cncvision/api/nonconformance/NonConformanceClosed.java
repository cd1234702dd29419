package io.cncvision.api.nonconformance;

import io.cncvision.api.value.NonConformanceId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A nonconformance was closed; as {@link CloseNonConformance}. */
@Revision("1")
public record NonConformanceClosed(NonConformanceId nonConformanceId, String note, String closedBy, Instant closedAt) {
}
