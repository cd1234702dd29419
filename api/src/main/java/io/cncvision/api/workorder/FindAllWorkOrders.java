package io.cncvision.api.workorder;

/** Finds every work order, the most recently scheduled first. */
public record FindAllWorkOrders() {
}
