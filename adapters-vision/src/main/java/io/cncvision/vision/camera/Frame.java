package io.cncvision.vision.camera;

import io.cncvision.api.value.GaugeId;
import java.awt.image.BufferedImage;
import java.time.Instant;
import java.util.Objects;

/**
 * One frame a camera captured: {@code frameId} names it within its source (a file name, a frame number)
 * so that the same frame heard twice gives the same source message id; {@code sequence} counts the frames
 * the camera delivered since it started.
 */
public record Frame(GaugeId camera, long sequence, String frameId, Instant capturedAt, BufferedImage image) {

    public Frame {
        Objects.requireNonNull(camera, "camera");
        Objects.requireNonNull(frameId, "frameId");
        Objects.requireNonNull(capturedAt, "capturedAt");
        Objects.requireNonNull(image, "image");
    }

    /** The id a command about this frame carries, so that a frame heard twice records nothing new. */
    public String sourceId() {
        return "camera:" + camera.value() + "/frame:" + frameId;
    }
}
