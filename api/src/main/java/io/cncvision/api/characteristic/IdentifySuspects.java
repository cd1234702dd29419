package io.cncvision.api.characteristic;

import io.cncvision.api.Checks;
import io.cncvision.api.value.CharacteristicId;
import io.cncvision.api.value.NonConformanceId;
import io.cncvision.api.value.Serial;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Asks which parts share the fault of {@code trigger} for a nonconformance: every part measured on this
 * characteristic since its last good subgroup (in control and in specification), the trigger's own subgroup
 * included.
 */
public record IdentifySuspects(@TargetAggregateIdentifier CharacteristicId characteristicId,
                               NonConformanceId nonConformanceId, Serial trigger, Instant requestedAt) {

    public IdentifySuspects {
        Checks.required("characteristicId", characteristicId);
        Checks.required("nonConformanceId", nonConformanceId);
        Checks.required("requestedAt", requestedAt);
    }
}
