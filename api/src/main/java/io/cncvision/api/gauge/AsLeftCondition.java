package io.cncvision.api.gauge;

/** How a gauge left its calibration: fit as found, fit after adjustment, or not fit for use. */
public enum AsLeftCondition {
    IN_TOLERANCE,
    ADJUSTED,
    /** It could not be brought into tolerance: the gauge must not measure until a later calibration passes. */
    FAILED
}
