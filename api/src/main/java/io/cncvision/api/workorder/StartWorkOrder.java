package io.cncvision.api.workorder;

import io.cncvision.api.Checks;
import io.cncvision.api.value.WorkOrderId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A maintenance technician starts a scheduled work order; the machine goes into maintenance. */
public record StartWorkOrder(@TargetAggregateIdentifier WorkOrderId workOrderId, String startedBy, Instant startedAt) {

    public StartWorkOrder {
        Checks.required("workOrderId", workOrderId);
        Checks.text("startedBy", startedBy, 128);
        Checks.required("startedAt", startedAt);
    }
}
