package io.cncvision.api.value;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A nonconformance report (NCR) number: URL-safe, 1-64 characters (NCR-20261125-7F3A9C). */
public record NonConformanceId(@JsonValue String value) {

    public NonConformanceId {
        Ids.slug("non conformance id", value);
    }

    @JsonCreator
    public static NonConformanceId of(String value) {
        return new NonConformanceId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
