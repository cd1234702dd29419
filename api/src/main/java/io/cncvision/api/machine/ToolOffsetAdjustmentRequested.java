package io.cncvision.api.machine;

import io.cncvision.api.value.CharacteristicId;
import io.cncvision.api.value.MachineId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The machine accepted a correction of {@code deltaMm} to {@code offset} (the request's, bounded by the plan), to
 * be written by its connector by {@code writeBy}; with it the corrections since the tool was changed total
 * {@code totalMm}.
 */
@Revision("1")
public record ToolOffsetAdjustmentRequested(MachineId machineId, String requestId, String offset, double deltaMm,
                                            double totalMm, CharacteristicId characteristicId, Instant requestedAt,
                                            Instant writeBy) {
}
