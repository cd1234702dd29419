package io.cncvision.api.workorder;

import io.cncvision.api.Checks;
import io.cncvision.api.value.WorkOrderId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Escalates a work order that missed its deadline ({@code deadline}) at {@code stage}. Changes nothing when the
 * work order has moved past that stage meanwhile.
 */
public record RecordWorkOrderOverdue(@TargetAggregateIdentifier WorkOrderId workOrderId, OverdueStage stage,
                                     Instant deadline, Instant recordedAt) {

    public RecordWorkOrderOverdue {
        Checks.required("workOrderId", workOrderId);
        Checks.required("stage", stage);
        Checks.required("deadline", deadline);
        Checks.required("recordedAt", recordedAt);
    }
}
