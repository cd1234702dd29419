package io.cncvision.api.part;

import io.cncvision.api.Checks;
import io.cncvision.api.value.NonConformanceId;
import io.cncvision.api.value.Serial;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Holds a part under a nonconformance (IATF 16949 8.7.1): it may not ship until it is dispositioned. A part
 * already held under the same nonconformance records nothing.
 */
public record QuarantinePart(@TargetAggregateIdentifier Serial serial, NonConformanceId nonConformanceId, String reason,
                             Instant quarantinedAt) {

    public QuarantinePart {
        Checks.required("serial", serial);
        Checks.required("nonConformanceId", nonConformanceId);
        Checks.text("reason", reason, 512);
        Checks.required("quarantinedAt", quarantinedAt);
    }
}
