package io.cncvision.api.machine;

import io.cncvision.api.value.MachineId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The platform lost its connection to the machine at {@code observedAt}, for {@code reason}. */
@Revision("1")
public record MachineConnectionLost(MachineId machineId, String reason, Instant observedAt) {
}
