package io.cncvision.api.machine;

import io.cncvision.api.value.MachineId;
import io.cncvision.api.value.SourceMessageId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * Part of what the machine reported was missed, as {@code description} says: the record of the machine has
 * a hole there that was filled only by resynchronising from its current values, never by invention.
 */
@Revision("1")
public record MachineDataGapDetected(MachineId machineId, String description, Instant observedAt,
                                     SourceMessageId sourceMessageId) {
}
