package io.cncvision.api.part;

import io.cncvision.api.value.NonConformanceId;
import io.cncvision.api.value.Serial;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A part is held under a nonconformance until it is dispositioned. */
@Revision("1")
public record PartQuarantined(Serial serial, NonConformanceId nonConformanceId, String reason, Instant quarantinedAt) {
}
