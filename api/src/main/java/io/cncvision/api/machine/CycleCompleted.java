package io.cncvision.api.machine;

import io.cncvision.api.value.MachineId;
import io.cncvision.api.value.Serial;
import io.cncvision.api.value.SourceMessageId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The machine completed a machining cycle, making the named part if it is known. */
@Revision("1")
public record CycleCompleted(MachineId machineId, String program, Serial partSerial, long cycleCount, Instant observedAt,
                             SourceMessageId sourceMessageId) {
}
