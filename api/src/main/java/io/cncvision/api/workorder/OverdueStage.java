package io.cncvision.api.workorder;

/** What a work order failed to do in time: start before it was due, or complete within its allowance. */
public enum OverdueStage {
    NOT_STARTED,
    NOT_COMPLETED
}
