package io.cncvision.api.part;

import io.cncvision.api.Checks;

/**
 * One defect a model found: its class, the model's confidence (0-1), and where it is in the image, in
 * pixels; {@code box} is null when the model classifies the whole image.
 */
public record InspectionDefect(String defectClass, double confidence, Box box) {

    public InspectionDefect {
        Checks.text("defectClass", defectClass, 64);
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be within 0-1, not " + confidence);
        }
    }

    /** A rectangle in the image, in pixels from its top-left corner. */
    public record Box(int x, int y, int width, int height) {

        public Box {
            if (x < 0 || y < 0 || width < 1 || height < 1) {
                throw new IllegalArgumentException("box must lie in the image and be at least 1x1 pixel, not "
                        + x + "," + y + " " + width + "x" + height);
            }
        }
    }
}
