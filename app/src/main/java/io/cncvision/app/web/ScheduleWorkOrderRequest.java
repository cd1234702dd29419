package io.cncvision.app.web;

import static io.cncvision.app.web.RequestFields.parse;
import static io.cncvision.app.web.RequestFields.parseOptional;
import static io.cncvision.app.web.RequestFields.required;

import io.cncvision.api.value.MachineId;
import io.cncvision.api.value.WorkOrderId;
import io.cncvision.api.workorder.ScheduleWorkOrder;
import io.cncvision.api.workorder.WorkOrderSource;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

/** Body of {@code POST /api/v1/work-orders}: maintenance a person asks for. */
public record ScheduleWorkOrderRequest(
        @Schema(description = "A new id; one is made up if absent", example = "wo-2026-0042") String workOrderId,
        @Schema(example = "mill-01", requiredMode = Schema.RequiredMode.REQUIRED) String machineId,
        @Schema(example = "Spindle bearing noise at 12000 rpm", requiredMode = Schema.RequiredMode.REQUIRED)
        String reason,
        @Schema(description = "The component concerned", example = "spindle") String component,
        @Schema(description = "When work must have started", example = "2026-11-26T07:00:00Z",
                requiredMode = Schema.RequiredMode.REQUIRED) Instant due) {

    ScheduleWorkOrder toCommand(Instant now) {
        WorkOrderId id = parseOptional("workOrderId", workOrderId, WorkOrderId::of);
        return new ScheduleWorkOrder(id != null ? id : WorkOrderId.of("wo-" + UUID.randomUUID()),
                parse("machineId", machineId, MachineId::of), reason, WorkOrderSource.PERSON, component,
                required("due", due), now);
    }
}
