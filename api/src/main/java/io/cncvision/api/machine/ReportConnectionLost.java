package io.cncvision.api.machine;

import io.cncvision.api.Checks;
import io.cncvision.api.value.MachineId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A connector lost its connection to the machine; while it is lost, nothing is heard from it. */
public record ReportConnectionLost(@TargetAggregateIdentifier MachineId machineId, String reason, Instant observedAt) {

    public ReportConnectionLost {
        Checks.required("machineId", machineId);
        Checks.text("reason", reason, 512);
        Checks.observedAt(observedAt);
    }
}
