package io.cncvision.app.web;

import static io.cncvision.app.web.RequestFields.parse;
import static io.cncvision.app.web.RequestFields.required;

import io.cncvision.api.characteristic.CompensationPlan;
import io.cncvision.api.characteristic.PlanCompensation;
import io.cncvision.api.value.CharacteristicId;
import io.cncvision.api.value.MachineId;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Duration;

/**
 * Body of {@code POST /api/v1/characteristics/{characteristicId}/compensation}: the reaction plan by which a
 * tool offset corrects the characteristic's drift. The approver is the caller.
 */
public record PlanCompensationRequest(
        @Schema(example = "lathe-1", requiredMode = Schema.RequiredMode.REQUIRED) String machineId,
        @Schema(description = "The writable offset, as the machine's connector names it", example = "T1.wear.x",
                requiredMode = Schema.RequiredMode.REQUIRED) String offset,
        @Schema(description = "mm of the characteristic per mm of offset; negative where they move against each "
                + "other (default 1)", example = "1.0") Double effect,
        @Schema(description = "The largest single correction, mm", example = "0.010",
                requiredMode = Schema.RequiredMode.REQUIRED) Double maxStepMm,
        @Schema(description = "The largest total of corrections since the tool was changed, mm", example = "0.050",
                requiredMode = Schema.RequiredMode.REQUIRED) Double maxTotalMm,
        @Schema(description = "Corrections before escalating to a nonconformance (default 3)", example = "3")
        Integer attempts,
        @Schema(description = "Subgroups in control that end the reaction (default 5)", example = "5")
        Integer verifySubgroups,
        @Schema(description = "How long the machine has to confirm a write (default PT10S)", example = "PT10S")
        Duration confirmWithin,
        @Schema(description = "How long after a write the parts cut before it have passed the gauge (default PT1M)",
                example = "PT1M") Duration deadTime,
        @Schema(description = "How long the process has to show it is back in control (default PT30M)",
                example = "PT30M") Duration verifyWithin) {

    PlanCompensation toCommand(CharacteristicId characteristicId, String approvedBy) {
        return new PlanCompensation(characteristicId, new CompensationPlan(
                parse("machineId", required("machineId", machineId), MachineId::of), required("offset", offset),
                effect == null ? 1.0 : effect, required("maxStepMm", maxStepMm), required("maxTotalMm", maxTotalMm),
                attempts == null ? 3 : attempts, verifySubgroups == null ? 5 : verifySubgroups,
                confirmWithin == null ? Duration.ofSeconds(10) : confirmWithin,
                deadTime == null ? Duration.ofMinutes(1) : deadTime,
                verifyWithin == null ? Duration.ofMinutes(30) : verifyWithin), approvedBy);
    }
}
