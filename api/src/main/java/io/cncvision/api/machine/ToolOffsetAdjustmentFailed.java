package io.cncvision.api.machine;

import io.cncvision.api.value.CharacteristicId;
import io.cncvision.api.value.MachineId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A requested correction was not written, for {@code reason}; it no longer counts against the plan's total. */
@Revision("1")
public record ToolOffsetAdjustmentFailed(MachineId machineId, String requestId, String offset, double deltaMm,
                                         CharacteristicId characteristicId, String reason, Instant failedAt) {
}
