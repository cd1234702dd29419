package io.cncvision.api.machine;

import io.cncvision.api.Checks;
import io.cncvision.api.value.MachineId;
import io.cncvision.api.value.NonConformanceId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Releases a machine's quality hold under a nonconformance; a machine not held under it records nothing. */
public record ReleaseMachineHold(@TargetAggregateIdentifier MachineId machineId, NonConformanceId nonConformanceId,
                                 String reason, Instant releasedAt) {

    public ReleaseMachineHold {
        Checks.required("machineId", machineId);
        Checks.required("nonConformanceId", nonConformanceId);
        Checks.text("reason", reason, 512);
        Checks.required("releasedAt", releasedAt);
    }
}
