package io.cncvision.api.value;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The gauge id: URL-safe, 1-64 characters. */
public record GaugeId(@JsonValue String value) {

    public GaugeId {
        Ids.slug("gauge id", value);
    }

    @JsonCreator
    public static GaugeId of(String value) {
        return new GaugeId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
