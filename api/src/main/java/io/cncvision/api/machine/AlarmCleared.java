package io.cncvision.api.machine;

import io.cncvision.api.value.MachineId;
import io.cncvision.api.value.SourceMessageId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The machine cleared an alarm it had raised. */
@Revision("1")
public record AlarmCleared(MachineId machineId, String alarmCode, Instant observedAt, SourceMessageId sourceMessageId) {
}
