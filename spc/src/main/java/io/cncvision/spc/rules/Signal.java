package io.cncvision.spc.rules;

import java.util.Arrays;
import java.util.Objects;

/**
 * A run rule fired at point {@code at}; {@code points} are the 0-based indexes, ascending, of the
 * points that make the pattern, the last of them being {@code at} (see the package documentation for
 * which points a window names).
 */
public record Signal(RunRule rule, int[] points, int at) {

    public Signal {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(points, "points");
        points = points.clone();
        if (points.length == 0) {
            throw new IllegalArgumentException("a signal names at least one point");
        }
        for (int i = 1; i < points.length; i++) {
            if (points[i] <= points[i - 1]) {
                throw new IllegalArgumentException("points must be ascending: " + Arrays.toString(points));
            }
        }
        if (points[0] < 0 || points[points.length - 1] != at) {
            throw new IllegalArgumentException(
                    "points " + Arrays.toString(points) + " must be non-negative and end at " + at);
        }
    }

    @Override
    public int[] points() {
        return points.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Signal that
                && rule == that.rule && at == that.at && Arrays.equals(points, that.points);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * rule.hashCode() + at) + Arrays.hashCode(points);
    }

    @Override
    public String toString() {
        return rule + " at " + at + " " + Arrays.toString(points);
    }
}
