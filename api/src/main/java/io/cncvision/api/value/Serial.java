package io.cncvision.api.value;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A part's serial number, the unit of traceability (IATF 16949 8.5.2.1). */
public record Serial(@JsonValue String value) {

    public Serial {
        Ids.slug("serial", value);
    }

    @JsonCreator
    public static Serial of(String value) {
        return new Serial(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
