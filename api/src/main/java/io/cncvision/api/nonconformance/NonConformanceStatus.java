package io.cncvision.api.nonconformance;

/** Where a nonconformance stands; it only moves forward. */
public enum NonConformanceStatus {
    /** Opened; nothing contained yet. */
    OPEN,
    /** Containment applied: suspect parts held. */
    CONTAINED,
    /** The disposition is signed. */
    DISPOSITIONED,
    /** Closed: nothing changes any more. */
    CLOSED
}
