package io.cncvision.api.machine;

import io.cncvision.api.value.MachineId;
import io.cncvision.api.value.NonConformanceId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The machine is on quality hold under a nonconformance. */
@Revision("1")
public record MachinePutOnHold(MachineId machineId, NonConformanceId nonConformanceId, String reason,
                               Instant placedAt) {
}
