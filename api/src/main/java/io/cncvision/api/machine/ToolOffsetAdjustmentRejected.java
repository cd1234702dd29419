package io.cncvision.api.machine;

import io.cncvision.api.value.CharacteristicId;
import io.cncvision.api.value.MachineId;
import io.cncvision.api.value.NonConformanceId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The machine refused a correction, for {@code reason}: an auditor sees every refusal, not only what was done.
 * {@code heldUnder} is the nonconformance the machine is on hold under when that is the reason, else null.
 */
@Revision("1")
public record ToolOffsetAdjustmentRejected(MachineId machineId, String requestId, String offset, double deltaMm,
                                           CharacteristicId characteristicId, String reason,
                                           NonConformanceId heldUnder, Instant rejectedAt) {
}
