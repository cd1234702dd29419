package io.cncvision.api.value;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The machine id: URL-safe, 1-64 characters. */
public record MachineId(@JsonValue String value) {

    public MachineId {
        Ids.slug("machine id", value);
    }

    @JsonCreator
    public static MachineId of(String value) {
        return new MachineId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
