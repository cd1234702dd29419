package io.cncvision.api.value;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The characteristic id: URL-safe, 1-64 characters. */
public record CharacteristicId(@JsonValue String value) {

    public CharacteristicId {
        Ids.slug("characteristic id", value);
    }

    @JsonCreator
    public static CharacteristicId of(String value) {
        return new CharacteristicId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
