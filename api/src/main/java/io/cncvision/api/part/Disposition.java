package io.cncvision.api.part;

/** What becomes of a part (IATF 16949 8.7.1). PENDING until someone decides. */
public enum Disposition {
    PENDING,
    ACCEPT,
    USE_AS_IS,
    REWORK,
    SCRAP,
    RETURN_TO_SUPPLIER
}
