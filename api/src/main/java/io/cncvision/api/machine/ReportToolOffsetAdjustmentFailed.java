package io.cncvision.api.machine;

import io.cncvision.api.Checks;
import io.cncvision.api.value.MachineId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The connector could not write a requested correction (not connected, refused, too late), for {@code reason}. */
public record ReportToolOffsetAdjustmentFailed(@TargetAggregateIdentifier MachineId machineId, String requestId,
                                               String reason, Instant failedAt) {

    public ReportToolOffsetAdjustmentFailed {
        Checks.required("machineId", machineId);
        Checks.text("requestId", requestId, 128);
        Checks.text("reason", reason, 1024);
        Checks.required("failedAt", failedAt);
    }
}
