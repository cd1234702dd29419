package io.cncvision.vision.gauge;

/** A circle in image coordinates (pixels, pixel {@code (x, y)} centred on {@code (x, y)}). */
public record Circle(double centreX, double centreY, double radius) {

    public double diameter() {
        return 2 * radius;
    }
}
