package io.cncvision.app.web;

import static io.cncvision.app.web.RequestFields.required;

import io.cncvision.api.characteristic.EstablishControlLimits;
import io.cncvision.api.value.CharacteristicId;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Map;

/**
 * Body of {@code POST /api/v1/characteristics/{characteristicId}/control-limits}: which recorded subgroups
 * are the baseline, which run rules judge what follows, and why. The approver is the caller.
 */
public record EstablishControlLimitsRequest(
        @Schema(example = "1", requiredMode = Schema.RequiredMode.REQUIRED) Long fromSubgroup,
        @Schema(example = "25", requiredMode = Schema.RequiredMode.REQUIRED) Long toSubgroup,
        @Schema(description = "nelson (default), western-electric or none", example = "nelson") String rules,
        @Schema(example = "Process capability study PCS-114 approved", requiredMode = Schema.RequiredMode.REQUIRED)
        String reason,
        @Schema(description = "For EWMA: lambda and L; for CUSUM: k and h (in sigmas of the plotted mean). "
                + "Defaults apply to what is not named; other charts take none.", example = "{\"lambda\": 0.2}")
        Map<String, Double> parameters) {

    EstablishControlLimits toCommand(CharacteristicId characteristicId, String approvedBy) {
        return new EstablishControlLimits(characteristicId, required("fromSubgroup", fromSubgroup),
                required("toSubgroup", toSubgroup), rules == null ? "nelson" : rules, approvedBy, reason,
                parameters);
    }
}
