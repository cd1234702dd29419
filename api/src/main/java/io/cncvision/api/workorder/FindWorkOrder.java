package io.cncvision.api.workorder;

import io.cncvision.api.value.WorkOrderId;

/** Finds one work order. */
public record FindWorkOrder(WorkOrderId workOrderId) {
}
