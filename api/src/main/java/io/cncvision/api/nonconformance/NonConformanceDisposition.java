package io.cncvision.api.nonconformance;

/** What becomes of the nonconforming product (IATF 16949 8.7.1). */
public enum NonConformanceDisposition {
    /** Used as it is: the deviation does not matter to fit, form or function. */
    USE_AS_IS,
    /** Reworked to conform, then inspected again (8.7.1.4). */
    REWORK,
    /** Rendered unusable (8.7.1.7). */
    SCRAP,
    /** Returned to the supplier that delivered it. */
    RETURN,
    /** Shipped under the customer's concession, for a limited time (8.7.1.1). */
    CONCESSION
}
