package io.cncvision.api.machine;

import io.cncvision.api.Checks;
import io.cncvision.api.value.MachineId;
import io.cncvision.api.value.MachineState;
import io.cncvision.api.value.SourceMessageId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Reports the execution state a machine's controller shows; equal to the current state, it records nothing. */
public record ReportMachineState(@TargetAggregateIdentifier MachineId machineId, MachineState state,
                                 Instant observedAt, SourceMessageId sourceMessageId) {

    public ReportMachineState {
        Checks.required("machineId", machineId);
        Checks.required("state", state);
        Checks.observedAt(observedAt);
    }
}
