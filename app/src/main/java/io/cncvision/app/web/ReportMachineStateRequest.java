package io.cncvision.app.web;

import static io.cncvision.app.web.RequestFields.constant;
import static io.cncvision.app.web.RequestFields.parseOptional;

import io.cncvision.api.machine.ReportMachineState;
import io.cncvision.api.value.MachineId;
import io.cncvision.api.value.MachineState;
import io.cncvision.api.value.SourceMessageId;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** Body of {@code POST /api/v1/machines/{machineId}/state}. */
public record ReportMachineStateRequest(
        @Schema(example = "RUNNING", implementation = MachineState.class, requiredMode = Schema.RequiredMode.REQUIRED)
        String state,
        @Schema(description = "When the controller showed the state; now if absent", example = "2026-11-25T10:00:00Z")
        Instant observedAt,
        @Schema(description = "The adapter's message id; a repeated one records nothing", example = "opcua/mill-01/42")
        String sourceMessageId) {

    ReportMachineState toCommand(MachineId machineId, Instant now) {
        return new ReportMachineState(machineId, constant("state", state, MachineState.class),
                observedAt != null ? observedAt : now, parseOptional("sourceMessageId", sourceMessageId, SourceMessageId::of));
    }
}
