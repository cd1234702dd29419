package io.cncvision.api.machine;

import io.cncvision.api.value.MachineId;
import io.cncvision.api.value.SourceMessageId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The machine raised an alarm (a condition its controller reports). */
@Revision("1")
public record AlarmRaised(MachineId machineId, String alarmCode, AlarmSeverity severity, String message,
                          Instant observedAt, SourceMessageId sourceMessageId) {
}
