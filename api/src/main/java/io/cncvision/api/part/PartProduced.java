package io.cncvision.api.part;

import io.cncvision.api.value.MachineId;
import io.cncvision.api.value.Serial;
import io.cncvision.api.value.SourceMessageId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A part was produced: by which machine, program, tool and in which lot. */
@Revision("1")
public record PartProduced(Serial serial, String partNumber, MachineId machineId, String program, String toolId,
                           String lot, Instant producedAt, SourceMessageId sourceMessageId) {
}
