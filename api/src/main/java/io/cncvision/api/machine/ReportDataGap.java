package io.cncvision.api.machine;

import io.cncvision.api.Checks;
import io.cncvision.api.value.MachineId;
import io.cncvision.api.value.SourceMessageId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A connector found that some of what the machine reported never reached it (an MTConnect sequence gap,
 * an agent restart): {@code description} says what was missed. What followed was resynchronised from the
 * machine's current values.
 */
public record ReportDataGap(@TargetAggregateIdentifier MachineId machineId, String description, Instant observedAt,
                            SourceMessageId sourceMessageId) {

    public ReportDataGap {
        Checks.required("machineId", machineId);
        Checks.text("description", description, 512);
        Checks.observedAt(observedAt);
    }
}
