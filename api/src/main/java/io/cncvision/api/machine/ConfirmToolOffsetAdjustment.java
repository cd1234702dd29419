package io.cncvision.api.machine;

import io.cncvision.api.Checks;
import io.cncvision.api.value.MachineId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The connector wrote a requested correction: the machine now holds {@code valueMm}, read back after the write. */
public record ConfirmToolOffsetAdjustment(@TargetAggregateIdentifier MachineId machineId, String requestId,
                                          double previousMm, double valueMm, Instant writtenAt) {

    public ConfirmToolOffsetAdjustment {
        Checks.required("machineId", machineId);
        Checks.text("requestId", requestId, 128);
        Checks.finite("previousMm", previousMm);
        Checks.finite("valueMm", valueMm);
        Checks.required("writtenAt", writtenAt);
    }
}
