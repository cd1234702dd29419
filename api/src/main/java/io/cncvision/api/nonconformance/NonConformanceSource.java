package io.cncvision.api.nonconformance;

/** What opened a nonconformance (IATF 16949 8.7.1, 10.2.1). */
public enum NonConformanceSource {
    /** An inspection rejected a part. */
    REJECTED_PART,
    /** A measured value lay outside its specification. */
    OUT_OF_SPECIFICATION,
    /** A process stayed out of control after its reaction plan's corrections, or a correction was not confirmed. */
    OUT_OF_CONTROL,
    /** A gauge measured while out of calibration. */
    GAUGE_OUT_OF_CALIBRATION,
    /** A person reported it. */
    PERSON
}
