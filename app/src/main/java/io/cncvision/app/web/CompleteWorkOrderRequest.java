package io.cncvision.app.web;

import io.cncvision.api.value.WorkOrderId;
import io.cncvision.api.workorder.CompleteWorkOrder;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** Body of {@code POST /api/v1/work-orders/{workOrderId}/complete}; it may be left out. The technician is the caller. */
public record CompleteWorkOrderRequest(
        @Schema(description = "The tool replaced, if one was", example = "T1") String toolChanged,
        @Schema(example = "Spindle bearing replaced, run-in 30 min") String note,
        @Schema(description = "When work ended; now if absent", example = "2026-11-25T12:00:00Z") Instant completedAt) {

    static final CompleteWorkOrderRequest EMPTY = new CompleteWorkOrderRequest(null, null, null);

    CompleteWorkOrder toCommand(WorkOrderId workOrderId, String caller, Instant now) {
        return new CompleteWorkOrder(workOrderId, toolChanged, note, caller, completedAt != null ? completedAt : now);
    }
}
