package io.cncvision.app.web;

import static io.cncvision.app.web.RequestFields.required;

import io.cncvision.api.characteristic.ReviseSpecification;
import io.cncvision.api.value.CharacteristicId;
import io.cncvision.api.value.Specification;
import io.swagger.v3.oas.annotations.media.Schema;

/** Body of {@code POST /api/v1/characteristics/{characteristicId}/specification}: the new specification and why. */
public record ReviseSpecificationRequest(
        @Schema(description = "Must stay the characteristic's unit", example = "mm",
                requiredMode = Schema.RequiredMode.REQUIRED) String unit,
        @Schema(example = "12.0", requiredMode = Schema.RequiredMode.REQUIRED) Double nominal,
        @Schema(example = "11.985") Double lsl,
        @Schema(example = "12.015") Double usl,
        @Schema(example = "Customer drawing rev. C tightens the bore tolerance",
                requiredMode = Schema.RequiredMode.REQUIRED) String reason) {

    ReviseSpecification toCommand(CharacteristicId characteristicId) {
        return new ReviseSpecification(characteristicId, new Specification(unit, required("nominal", nominal), lsl, usl),
                reason);
    }
}
