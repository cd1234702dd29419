package io.cncvision.api.machine;

import io.cncvision.api.value.MachineId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A tool of the machine was replaced; the corrections made to its offsets no longer count against any limit. */
@Revision("1")
public record ToolChanged(MachineId machineId, String tool, Instant changedAt) {
}
