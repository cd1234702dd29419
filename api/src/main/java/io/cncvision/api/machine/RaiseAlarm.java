package io.cncvision.api.machine;

import io.cncvision.api.Checks;
import io.cncvision.api.value.MachineId;
import io.cncvision.api.value.SourceMessageId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Reports an alarm on a machine; an alarm already active records nothing. */
public record RaiseAlarm(@TargetAggregateIdentifier MachineId machineId, String alarmCode, AlarmSeverity severity,
                         String message, Instant observedAt, SourceMessageId sourceMessageId) {

    public RaiseAlarm {
        Checks.required("machineId", machineId);
        Checks.text("alarmCode", alarmCode, 64);
        Checks.required("severity", severity);
        Checks.optionalText("message", message, 512);
        Checks.observedAt(observedAt);
    }
}
