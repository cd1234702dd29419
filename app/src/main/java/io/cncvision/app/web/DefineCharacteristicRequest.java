package io.cncvision.app.web;

import static io.cncvision.app.web.RequestFields.parse;
import static io.cncvision.app.web.RequestFields.required;

import io.cncvision.api.characteristic.DefineCharacteristic;
import io.cncvision.api.value.CharacteristicId;
import io.cncvision.api.value.ChartType;
import io.cncvision.api.value.Specification;
import io.swagger.v3.oas.annotations.media.Schema;

/** Body of {@code POST /api/v1/characteristics}: one line of a control plan. */
public record DefineCharacteristicRequest(
        @Schema(example = "pn1234-bore", requiredMode = Schema.RequiredMode.REQUIRED) String characteristicId,
        @Schema(example = "PN-1234", requiredMode = Schema.RequiredMode.REQUIRED) String partNumber,
        @Schema(example = "Bore diameter", requiredMode = Schema.RequiredMode.REQUIRED) String name,
        @Schema(example = "mm", requiredMode = Schema.RequiredMode.REQUIRED) String unit,
        @Schema(example = "12.0", requiredMode = Schema.RequiredMode.REQUIRED) Double nominal,
        @Schema(description = "Lower specification limit; at least one of lsl and usl", example = "11.98") Double lsl,
        @Schema(description = "Upper specification limit; at least one of lsl and usl", example = "12.02") Double usl,
        @Schema(example = "5", requiredMode = Schema.RequiredMode.REQUIRED) Integer subgroupSize,
        @Schema(example = "xbar-r", allowableValues = {"xbar-r", "xbar-s", "imr", "p", "np", "c", "u", "ewma", "cusum"},
                requiredMode = Schema.RequiredMode.REQUIRED) String chart) {

    DefineCharacteristic toCommand() {
        return new DefineCharacteristic(parse("characteristicId", characteristicId, CharacteristicId::of), partNumber, name,
                new Specification(unit, required("nominal", nominal), lsl, usl),
                required("subgroupSize", subgroupSize), parse("chart", chart, ChartType::fromCode));
    }
}
