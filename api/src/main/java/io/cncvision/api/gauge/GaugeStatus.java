package io.cncvision.api.gauge;

/** Whether a gauge may be used for measurement, as its calibration record says (IATF 16949 7.1.5.2). */
public enum GaugeStatus {
    /** Never certified. */
    NOT_CALIBRATED,
    /** Certified and not yet due. */
    CALIBRATED,
    /** The certification in force passed its due date without being renewed. */
    EXPIRED,
    /** Its last calibration left it out of tolerance. */
    FAILED
}
