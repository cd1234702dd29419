package io.cncvision.audit.evidence;

import java.time.Instant;

/** The recording times an evidence pack covers: from {@code from} up to and including {@code to}. */
public record EvidencePeriod(Instant from, Instant to) {

    public EvidencePeriod {
        if (from == null || to == null) {
            throw new IllegalArgumentException("an evidence period needs both ends, from and to");
        }
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("the period must end after it starts: from " + from + " is not before to "
                    + to);
        }
    }

    public boolean contains(Instant recordedAt) {
        return !recordedAt.isBefore(from) && !recordedAt.isAfter(to);
    }
}
