package io.cncvision.vision.camera;

import java.awt.image.BufferedImage;
import java.time.Instant;
import java.util.Objects;

/** What a {@link FrameSource} yields: the image, when it was captured, and its id within the source. */
public record CapturedImage(BufferedImage image, Instant capturedAt, String frameId) {

    public CapturedImage {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(capturedAt, "capturedAt");
        Objects.requireNonNull(frameId, "frameId");
    }
}
