package io.cncvision.app.web;

import static io.cncvision.app.web.RequestFields.parseOptional;

import io.cncvision.api.machine.CompleteCycle;
import io.cncvision.api.value.MachineId;
import io.cncvision.api.value.Serial;
import io.cncvision.api.value.SourceMessageId;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** Body of {@code POST /api/v1/machines/{machineId}/cycles}. */
public record CompleteCycleRequest(
        @Schema(example = "O1234") String program,
        @Schema(description = "The serial of the part the cycle made, when the machine knows it", example = "S-000001")
        String partSerial,
        @Schema(description = "When the cycle ended; now if absent", example = "2026-11-25T10:00:00Z") Instant observedAt,
        @Schema(description = "The adapter's message id; a repeated one records nothing") String sourceMessageId) {

    CompleteCycle toCommand(MachineId machineId, Instant now) {
        return new CompleteCycle(machineId, program, parseOptional("partSerial", partSerial, Serial::of),
                observedAt != null ? observedAt : now, parseOptional("sourceMessageId", sourceMessageId, SourceMessageId::of));
    }
}
