package io.cncvision.api.machine;

import io.cncvision.api.value.MachineId;
import io.cncvision.api.value.NonConformanceId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The machine's quality hold under a nonconformance was released. */
@Revision("1")
public record MachineHoldReleased(MachineId machineId, NonConformanceId nonConformanceId, String reason,
                                  Instant releasedAt) {
}
