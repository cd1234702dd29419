package io.cncvision.cnc;

import java.time.Instant;

/** An offset written and read back from the machine: {@code confirmed} is the value the machine holds now. */
public record OffsetWritten(String offset, double requested, double confirmed, Instant at) {
}
