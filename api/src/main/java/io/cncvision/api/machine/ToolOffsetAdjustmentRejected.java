package io.cncvision.api.machine;

import io.cncvision.api.value.CharacteristicId;
import io.cncvision.api.value.MachineId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The machine refused a correction, for {@code reason}: an auditor sees every refusal, not only what was done. */
@Revision("1")
public record ToolOffsetAdjustmentRejected(MachineId machineId, String requestId, String offset, double deltaMm,
                                           CharacteristicId characteristicId, String reason, Instant rejectedAt) {
}
