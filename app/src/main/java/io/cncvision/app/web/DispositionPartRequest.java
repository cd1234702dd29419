package io.cncvision.app.web;

import static io.cncvision.app.web.RequestFields.constant;

import io.cncvision.api.part.Disposition;
import io.cncvision.api.part.DispositionPart;
import io.cncvision.api.value.Serial;
import io.swagger.v3.oas.annotations.media.Schema;

/** Body of {@code POST /api/v1/parts/{serial}/disposition}: what becomes of the part, and why (IATF 16949 8.7.1). */
public record DispositionPartRequest(
        @Schema(example = "REWORK", implementation = Disposition.class, requiredMode = Schema.RequiredMode.REQUIRED)
        String disposition,
        @Schema(example = "Bore 0.01 mm under size; re-bore within tolerance", requiredMode = Schema.RequiredMode.REQUIRED)
        String reason) {

    DispositionPart toCommand(Serial serial) {
        return new DispositionPart(serial, constant("disposition", disposition, Disposition.class), reason);
    }
}
