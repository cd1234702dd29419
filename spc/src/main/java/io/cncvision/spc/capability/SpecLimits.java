package io.cncvision.spc.capability;

/**
 * A characteristic's specification as capability reads it: lower and upper limit, either of which
 * may be absent (one-sided), and an optional target. Kept here rather than taken from the api
 * module's {@code Specification} so that {@code spc} depends on nothing.
 *
 * @param lsl the lower specification limit, or null when there is none
 * @param usl the upper specification limit, or null when there is none
 * @param target the nominal value, or null; it must lie within the limits that are given
 */
public record SpecLimits(Double lsl, Double usl, Double target) {

    public SpecLimits {
        if (lsl == null && usl == null) {
            throw new IllegalArgumentException("a specification needs at least one limit (lsl or usl)");
        }
        requireFinite("lsl", lsl);
        requireFinite("usl", usl);
        requireFinite("target", target);
        if (lsl != null && usl != null && !(lsl < usl)) {
            throw new IllegalArgumentException("lsl must be below usl, got lsl=" + lsl + ", usl=" + usl);
        }
        if (target != null && (lsl != null && target < lsl || usl != null && target > usl)) {
            throw new IllegalArgumentException("target " + target + " lies outside the specification ["
                    + (lsl == null ? "" : lsl) + ", " + (usl == null ? "" : usl) + "]");
        }
    }

    /** Both limits, no target. */
    public static SpecLimits between(double lsl, double usl) {
        return new SpecLimits(lsl, usl, null);
    }

    /** An upper limit only. */
    public static SpecLimits atMost(double usl) {
        return new SpecLimits(null, usl, null);
    }

    /** A lower limit only. */
    public static SpecLimits atLeast(double lsl) {
        return new SpecLimits(lsl, null, null);
    }

    /** The same limits with {@code target} as nominal. */
    public SpecLimits withTarget(double target) {
        return new SpecLimits(lsl, usl, target);
    }

    /** Whether both limits are given, so that Cp, Pp and Cpm are defined. */
    public boolean twoSided() {
        return lsl != null && usl != null;
    }

    private static void requireFinite(String name, Double value) {
        if (value != null && !Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number, got " + value);
        }
    }
}
