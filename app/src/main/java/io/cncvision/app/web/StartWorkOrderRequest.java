package io.cncvision.app.web;

import io.cncvision.api.value.WorkOrderId;
import io.cncvision.api.workorder.StartWorkOrder;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** Body of {@code POST /api/v1/work-orders/{workOrderId}/start}; it may be left out. The technician is the caller. */
public record StartWorkOrderRequest(
        @Schema(description = "When work began; now if absent", example = "2026-11-25T09:00:00Z") Instant startedAt) {

    static final StartWorkOrderRequest EMPTY = new StartWorkOrderRequest(null);

    StartWorkOrder toCommand(WorkOrderId workOrderId, String caller, Instant now) {
        return new StartWorkOrder(workOrderId, caller, startedAt != null ? startedAt : now);
    }
}
