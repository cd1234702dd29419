package io.cncvision.vision.camera;

import java.time.Duration;

/**
 * How a camera's frames are held and watched: at most {@code queueCapacity} frames wait for processing (the
 * oldest is dropped, and counted, when the pipeline falls behind); no frame for {@code offlineAfter} records
 * the camera offline; a failed source is opened again after a wait that doubles from {@code initialBackoff}
 * up to {@code maximumBackoff}.
 */
public record CameraSettings(int queueCapacity, Duration offlineAfter, Duration initialBackoff,
                             Duration maximumBackoff) {

    public static final CameraSettings DEFAULTS =
            new CameraSettings(4, Duration.ofSeconds(5), Duration.ofMillis(500), Duration.ofSeconds(30));

    public CameraSettings {
        if (queueCapacity < 1) {
            throw new IllegalArgumentException("queueCapacity must be at least 1, not " + queueCapacity);
        }
        if (offlineAfter == null || offlineAfter.isNegative() || offlineAfter.isZero()) {
            throw new IllegalArgumentException("offlineAfter must be positive, not " + offlineAfter);
        }
        if (initialBackoff == null || initialBackoff.isNegative() || initialBackoff.isZero()
                || maximumBackoff == null || maximumBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < initial (" + initialBackoff + ") <= maximum ("
                    + maximumBackoff + ")");
        }
    }
}
