package io.cncvision.api.workorder;

/** Where a work order stands: scheduled, under way, done. */
public enum WorkOrderStatus {
    SCHEDULED,
    STARTED,
    COMPLETED
}
