package io.cncvision.cnc;

import java.util.Objects;

/** A tool offset to write: the configured offset's key (e.g. {@code T3.wear.x}) and its new value. */
public record OffsetWrite(String offset, double value) {

    public OffsetWrite {
        Objects.requireNonNull(offset, "offset");
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("offset " + offset + " needs a finite value, not " + value);
        }
    }
}
