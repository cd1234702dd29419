package io.cncvision.api.nonconformance;

import io.cncvision.api.value.NonConformanceId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The root cause of a nonconformance was recorded; as {@link RecordRootCause}. */
@Revision("1")
public record RootCauseRecorded(NonConformanceId nonConformanceId, String rootCause, String method, String recordedBy,
                                Instant recordedAt) {
}
