package io.cncvision.api.part;

/** The verdict of one inspection. */
public enum InspectionResult {
    PASS,
    FAIL
}
