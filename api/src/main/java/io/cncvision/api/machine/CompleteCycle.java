package io.cncvision.api.machine;

import io.cncvision.api.Checks;
import io.cncvision.api.value.MachineId;
import io.cncvision.api.value.Serial;
import io.cncvision.api.value.SourceMessageId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Reports a completed machining cycle; the part's serial is null when the machine does not know it. */
public record CompleteCycle(@TargetAggregateIdentifier MachineId machineId, String program, Serial partSerial,
                            Instant observedAt, SourceMessageId sourceMessageId) {

    public CompleteCycle {
        Checks.required("machineId", machineId);
        Checks.optionalText("program", program, 128);
        Checks.observedAt(observedAt);
    }
}
