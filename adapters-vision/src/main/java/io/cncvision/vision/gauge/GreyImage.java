package io.cncvision.vision.gauge;

import java.util.Objects;

/**
 * An 8-bit grey image, row by row. Pixel {@code (x, y)} is the unit square whose centre is at
 * {@code (x, y)}: coordinates of measured features are in that frame.
 */
public record GreyImage(int width, int height, byte[] pixels) {

    public GreyImage {
        Objects.requireNonNull(pixels, "pixels");
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("image size must be positive, was " + width + "x" + height);
        }
        if (pixels.length != width * height) {
            throw new IllegalArgumentException("expected " + width * height + " pixels, got " + pixels.length);
        }
    }

    /** The grey level (0-255) at {@code (x, y)}. */
    public int at(int x, int y) {
        return pixels[y * width + x] & 0xFF;
    }
}
