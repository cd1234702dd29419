package io.cncvision.api.machine;

import io.cncvision.api.value.MachineId;
import io.cncvision.api.value.MachineState;
import io.cncvision.api.value.SourceMessageId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The machine's controller reported a new execution state. */
@Revision("1")
public record MachineStateChanged(MachineId machineId, MachineState from, MachineState to, Instant observedAt,
                                  SourceMessageId sourceMessageId) {
}
