package io.cncvision.app.web;

import static io.cncvision.app.web.RequestFields.parse;
import static io.cncvision.app.web.RequestFields.parseOptional;

import io.cncvision.api.part.ProducePart;
import io.cncvision.api.value.MachineId;
import io.cncvision.api.value.Serial;
import io.cncvision.api.value.SourceMessageId;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** Body of {@code POST /api/v1/parts}: a machine produced a part, the start of its genealogy. */
public record ProducePartRequest(
        @Schema(example = "S-000001", requiredMode = Schema.RequiredMode.REQUIRED) String serial,
        @Schema(example = "PN-1234", requiredMode = Schema.RequiredMode.REQUIRED) String partNumber,
        @Schema(example = "mill-01", requiredMode = Schema.RequiredMode.REQUIRED) String machineId,
        @Schema(example = "O1234") String program,
        @Schema(example = "T05") String toolId,
        @Schema(example = "LOT-2026-11-25") String lot,
        @Schema(description = "When the part was made; now if absent", example = "2026-11-25T10:00:00Z") Instant producedAt,
        @Schema(description = "The adapter's message id; a repeated one records nothing") String sourceMessageId) {

    ProducePart toCommand(Instant now) {
        return new ProducePart(parse("serial", serial, Serial::of), partNumber, parse("machineId", machineId, MachineId::of),
                program, toolId, lot, producedAt != null ? producedAt : now,
                parseOptional("sourceMessageId", sourceMessageId, SourceMessageId::of));
    }
}
