package io.cncvision.api.machine;

import io.cncvision.api.Checks;
import io.cncvision.api.value.MachineId;
import io.cncvision.api.value.NonConformanceId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Puts a machine on quality hold under a nonconformance: what it makes is suspect until the hold is released. A
 * machine already on hold under the same nonconformance records nothing.
 */
public record PlaceMachineOnHold(@TargetAggregateIdentifier MachineId machineId, NonConformanceId nonConformanceId,
                                 String reason, Instant placedAt) {

    public PlaceMachineOnHold {
        Checks.required("machineId", machineId);
        Checks.required("nonConformanceId", nonConformanceId);
        Checks.text("reason", reason, 512);
        Checks.required("placedAt", placedAt);
    }
}
