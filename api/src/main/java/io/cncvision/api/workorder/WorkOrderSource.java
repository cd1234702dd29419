package io.cncvision.api.workorder;

/** What asked for a work order: a failure prediction below the machine's maintenance plan, or a person. */
public enum WorkOrderSource {
    PREDICTION,
    PERSON
}
