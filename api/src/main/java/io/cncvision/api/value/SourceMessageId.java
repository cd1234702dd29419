package io.cncvision.api.value;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The identity of the message an adapter heard (OPC-UA node and source timestamp, MTConnect sequence,
 * camera frame). A command that repeats one records nothing.
 */
public record SourceMessageId(@JsonValue String value) {

    public SourceMessageId {
        Ids.text("source message id", value, 256);
    }

    @JsonCreator
    public static SourceMessageId of(String value) {
        return new SourceMessageId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
