package io.cncvision.vision.render;

import java.util.SplittableRandom;

/**
 * Random rings of the family issue 5 specifies, for tests and the simulated camera: outer diameter
 * 30-90 % of the image height, bore 30-80 % of the outer diameter, blur sigma 0.5-2 px, noise up to
 * 5 grey levels, a background gradient of up to 25 % across the image in any direction (the samples
 * show up to about 20 %), background 190-230 and ring 10-45 grey levels as in the samples, the whole
 * ring at least 8 px inside the image.
 */
public final class RingFamily {

    private RingFamily() {
    }

    /** The scene drawn from {@code seed}. */
    public static RingRenderer.Scene scene(int width, int height, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double outer = height * uniform(random, 0.30, 0.90);
        double bore = outer * uniform(random, 0.30, 0.80);
        double margin = outer / 2 + 8;
        double cx = uniform(random, margin, width - 1 - margin);
        double cy = uniform(random, margin, height - 1 - margin);
        double gradient = uniform(random, 0, 0.25);
        double direction = uniform(random, 0, 2 * Math.PI);
        return new RingRenderer.Scene(width, height, cx, cy, outer, bore, uniform(random, 0.5, 2.0),
                uniform(random, 0, 5), uniform(random, 190, 230), uniform(random, 10, 45),
                gradient * Math.cos(direction), gradient * Math.sin(direction), random.nextLong());
    }

    private static double uniform(SplittableRandom random, double min, double max) {
        return min + (max - min) * random.nextDouble();
    }
}
