package io.cncvision.api.value;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A maintenance work order id: URL-safe, 1-64 characters. */
public record WorkOrderId(@JsonValue String value) {

    public WorkOrderId {
        Ids.slug("work order id", value);
    }

    @JsonCreator
    public static WorkOrderId of(String value) {
        return new WorkOrderId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
