package io.cncvision.api.gauge;

/** How a gauge was found when it came in for calibration, before any adjustment (IATF 16949 7.1.5.2.1). */
public enum AsFoundCondition {
    IN_TOLERANCE,
    /** Found out of tolerance: what it measured since its last calibration is suspect and needs a review. */
    OUT_OF_TOLERANCE
}
