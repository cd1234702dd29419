package io.cncvision.api.value;

/**
 * One characteristic's specification: nominal and tolerance limits in the characteristic's unit. A
 * one-sided specification leaves the other limit null.
 */
public record Specification(String unit, double nominal, Double lsl, Double usl) {

    public Specification {
        Ids.text("unit", unit, 16);
        Ids.finite("nominal", nominal);
        if (lsl == null && usl == null) {
            throw new IllegalArgumentException("a specification needs at least one limit: lsl or usl");
        }
        if (lsl != null) {
            Ids.finite("lsl", lsl);
        }
        if (usl != null) {
            Ids.finite("usl", usl);
        }
        if (lsl != null && usl != null && lsl >= usl) {
            throw new IllegalArgumentException("lsl (" + lsl + ") must be below usl (" + usl + ")");
        }
        if ((lsl != null && nominal < lsl) || (usl != null && nominal > usl)) {
            throw new IllegalArgumentException("nominal (" + nominal + ") must lie within the limits");
        }
    }

    /** True when the value lies outside a limit; a value on a limit conforms. */
    public boolean isOutside(double value) {
        return (lsl != null && value < lsl) || (usl != null && value > usl);
    }
}
