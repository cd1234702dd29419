package io.cncvision.api.machine;

import io.cncvision.api.value.CharacteristicId;
import io.cncvision.api.value.MachineId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The correction was written to the machine: {@code offset} went from {@code previousMm} to {@code valueMm}. */
@Revision("1")
public record ToolOffsetAdjustmentApplied(MachineId machineId, String requestId, String offset, double deltaMm,
                                          double previousMm, double valueMm, CharacteristicId characteristicId,
                                          Instant writtenAt) {
}
