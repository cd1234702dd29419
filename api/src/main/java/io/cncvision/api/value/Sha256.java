package io.cncvision.api.value;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Pattern;

/** A SHA-256 digest as 64 lower-case hex digits: names an image or a model by its content. */
public record Sha256(@JsonValue String value) {

    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

    public Sha256 {
        if (value == null || !HEX64.matcher(value).matches()) {
            throw new IllegalArgumentException("SHA-256 must be 64 lower-case hex digits, not '" + value + "'");
        }
    }

    @JsonCreator
    public static Sha256 of(String value) {
        return new Sha256(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
