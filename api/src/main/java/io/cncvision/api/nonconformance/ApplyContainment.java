package io.cncvision.api.nonconformance;

import io.cncvision.api.Checks;
import io.cncvision.api.value.NonConformanceId;
import io.cncvision.api.value.Serial;
import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records the containment of a nonconformance (IATF 16949 8.7.1, 10.2.1 b): the parts held, by serial, and
 * what was done. Containment may be applied more than once as more suspects are found; a part already held
 * under this nonconformance is not held twice.
 */
public record ApplyContainment(@TargetAggregateIdentifier NonConformanceId nonConformanceId, List<Serial> serials,
                               String action, Instant appliedAt) {

    public ApplyContainment {
        Checks.required("nonConformanceId", nonConformanceId);
        serials = serials == null ? List.of() : List.copyOf(serials);
        Checks.text("action", action, 1024);
        Checks.required("appliedAt", appliedAt);
    }
}
