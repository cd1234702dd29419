package io.cncvision.api.machine;

import io.cncvision.api.Checks;
import io.cncvision.api.value.MachineId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A connector is connected to the machine again; what it reports next is resynchronised from the machine. */
public record ReportConnectionRestored(@TargetAggregateIdentifier MachineId machineId, Instant observedAt) {

    public ReportConnectionRestored {
        Checks.required("machineId", machineId);
        Checks.observedAt(observedAt);
    }
}
