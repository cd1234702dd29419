package io.cncvision.api.part;

import io.cncvision.api.Checks;
import io.cncvision.api.value.MachineId;
import io.cncvision.api.value.Serial;
import io.cncvision.api.value.SourceMessageId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records that a machine produced a part, the start of its genealogy. */
public record ProducePart(@TargetAggregateIdentifier Serial serial, String partNumber, MachineId machineId, String program,
                          String toolId, String lot, Instant producedAt, SourceMessageId sourceMessageId) {

    public ProducePart {
        Checks.required("serial", serial);
        Checks.text("partNumber", partNumber, 64);
        Checks.required("machineId", machineId);
        Checks.optionalText("program", program, 128);
        Checks.optionalText("toolId", toolId, 64);
        Checks.optionalText("lot", lot, 64);
        Checks.required("producedAt", producedAt);
    }
}
