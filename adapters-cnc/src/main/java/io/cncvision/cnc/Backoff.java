package io.cncvision.cnc;

import java.time.Duration;

/**
 * Exponential backoff: each failure doubles the wait from {@code initial} up to {@code maximum}, and a
 * success starts again from {@code initial}. Not thread-safe: one per retry loop.
 */
public final class Backoff {

    private final Duration initial;
    private final Duration maximum;
    private Duration next;
    private int failures;

    public Backoff(Duration initial, Duration maximum) {
        if (initial.isNegative() || initial.isZero() || maximum.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < initial (" + initial + ") <= maximum (" + maximum + ")");
        }
        this.initial = initial;
        this.maximum = maximum;
        this.next = initial;
    }

    /** The wait before the next attempt, after one more failure. */
    public Duration failed() {
        Duration wait = next;
        failures++;
        next = next.multipliedBy(2).compareTo(maximum) > 0 ? maximum : next.multipliedBy(2);
        return wait;
    }

    /** Failures since the last success. */
    public int failures() {
        return failures;
    }

    public void succeeded() {
        next = initial;
        failures = 0;
    }
}
