package io.cncvision.api.nonconformance;

import io.cncvision.api.value.NonConformanceId;
import io.cncvision.api.value.Serial;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/** Containment was applied: {@code serials} are the parts newly held under the nonconformance. */
@Revision("1")
public record ContainmentApplied(NonConformanceId nonConformanceId, List<Serial> serials, String action,
                                 Instant appliedAt) {

    public ContainmentApplied {
        serials = List.copyOf(serials);
    }
}
