package io.cncvision.api.machine;

import io.cncvision.api.Checks;
import io.cncvision.api.value.CharacteristicId;
import io.cncvision.api.value.MachineId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Asks the machine to move tool offset {@code offset} by {@code deltaMm} to correct {@code characteristicId},
 * within the control plan's largest step and largest total since the tool was changed; the write must be made by
 * {@code writeBy} or not at all. {@code requestId} names the request; the same id again records nothing.
 */
public record AdjustToolOffset(@TargetAggregateIdentifier MachineId machineId, String requestId, String offset,
                               double deltaMm, double maxStepMm, double maxTotalMm, CharacteristicId characteristicId,
                               Instant requestedAt, Instant writeBy) {

    public AdjustToolOffset {
        Checks.required("machineId", machineId);
        Checks.text("requestId", requestId, 128);
        Checks.text("offset", offset, 64);
        Checks.finite("deltaMm", deltaMm);
        if (deltaMm == 0) {
            throw new IllegalArgumentException("deltaMm must not be 0");
        }
        if (!(maxStepMm > 0) || !(maxTotalMm >= maxStepMm)) {
            throw new IllegalArgumentException("maxStepMm must be above 0 and maxTotalMm at least maxStepMm, not "
                    + maxStepMm + " and " + maxTotalMm);
        }
        Checks.required("characteristicId", characteristicId);
        Checks.required("requestedAt", requestedAt);
        Checks.required("writeBy", writeBy);
    }
}
