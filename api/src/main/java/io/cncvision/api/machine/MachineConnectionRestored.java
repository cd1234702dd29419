package io.cncvision.api.machine;

import io.cncvision.api.value.MachineId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The platform is connected to the machine again, after {@code lostSince}. */
@Revision("1")
public record MachineConnectionRestored(MachineId machineId, Instant lostSince, Instant observedAt) {
}
