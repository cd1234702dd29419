package io.cncvision.api.characteristic;

import io.cncvision.api.Checks;
import io.cncvision.api.value.MachineId;
import java.time.Duration;

/**
 * The reaction plan of a control-plan line whose drift a tool offset corrects (IATF 16949 8.5.1.1): on an
 * out-of-control signal, the offset {@code offset} of machine {@code machineId} is moved to bring the
 * characteristic back to its nominal. {@code effect} is how far the characteristic moves per millimetre of offset
 * (1 for a diameter offset on a diameter, 2 for a radius offset on a diameter, negative where they move
 * against each other). A correction is at most {@code maxStepMm} and all corrections since the tool was changed
 * at most {@code maxTotalMm}; the machine must confirm a write within {@code confirmWithin}. Parts reach the gauge
 * {@code deadTime} after a write at the latest if they were cut before it (those in the machine and on their way
 * to the gauge), so what is measured earlier says nothing of the correction. The process must then show
 * {@code verifySubgroups} subgroups in control within {@code verifyWithin}, and gets at most {@code attempts}
 * corrections to do so.
 */
public record CompensationPlan(MachineId machineId, String offset, double effect, double maxStepMm, double maxTotalMm,
                               int attempts, int verifySubgroups, Duration confirmWithin, Duration deadTime,
                               Duration verifyWithin) {

    public CompensationPlan {
        Checks.required("machineId", machineId);
        Checks.text("offset", offset, 64);
        Checks.finite("effect", effect);
        if (effect == 0) {
            throw new IllegalArgumentException("effect must not be 0: an offset that does not move the characteristic"
                    + " cannot correct it");
        }
        if (!(maxStepMm > 0) || !Double.isFinite(maxStepMm)) {
            throw new IllegalArgumentException("maxStepMm must be above 0, not " + maxStepMm);
        }
        if (!(maxTotalMm >= maxStepMm) || !Double.isFinite(maxTotalMm)) {
            throw new IllegalArgumentException("maxTotalMm must be at least maxStepMm (" + maxStepMm + "), not "
                    + maxTotalMm);
        }
        if (attempts < 1 || attempts > 10) {
            throw new IllegalArgumentException("attempts must be 1 to 10, not " + attempts);
        }
        if (verifySubgroups < 1 || verifySubgroups > 100) {
            throw new IllegalArgumentException("verifySubgroups must be 1 to 100, not " + verifySubgroups);
        }
        Checks.required("confirmWithin", confirmWithin);
        Checks.required("deadTime", deadTime);
        Checks.required("verifyWithin", verifyWithin);
        if (deadTime.isNegative()) {
            throw new IllegalArgumentException("deadTime must not be negative");
        }
        if (confirmWithin.isNegative() || confirmWithin.isZero() || verifyWithin.isNegative() || verifyWithin.isZero()) {
            throw new IllegalArgumentException("confirmWithin and verifyWithin must be positive durations");
        }
    }
}
