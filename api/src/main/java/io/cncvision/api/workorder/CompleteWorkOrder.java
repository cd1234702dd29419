package io.cncvision.api.workorder;

import io.cncvision.api.Checks;
import io.cncvision.api.value.WorkOrderId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Completes a started work order; {@code toolChanged} names the tool replaced (T1), null when none was. */
public record CompleteWorkOrder(@TargetAggregateIdentifier WorkOrderId workOrderId, String toolChanged, String note,
                                String completedBy, Instant completedAt) {

    public CompleteWorkOrder {
        Checks.required("workOrderId", workOrderId);
        Checks.optionalText("toolChanged", toolChanged, 64);
        Checks.optionalText("note", note, 2048);
        Checks.text("completedBy", completedBy, 128);
        Checks.required("completedAt", completedAt);
    }
}
