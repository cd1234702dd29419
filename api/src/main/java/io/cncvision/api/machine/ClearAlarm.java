package io.cncvision.api.machine;

import io.cncvision.api.Checks;
import io.cncvision.api.value.MachineId;
import io.cncvision.api.value.SourceMessageId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Reports that an alarm has cleared; an alarm that is not active records nothing. */
public record ClearAlarm(@TargetAggregateIdentifier MachineId machineId, String alarmCode, Instant observedAt,
                         SourceMessageId sourceMessageId) {

    public ClearAlarm {
        Checks.required("machineId", machineId);
        Checks.text("alarmCode", alarmCode, 64);
        Checks.observedAt(observedAt);
    }
}
