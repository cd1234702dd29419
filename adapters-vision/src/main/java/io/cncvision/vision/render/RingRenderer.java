package io.cncvision.vision.render;

import io.cncvision.vision.gauge.GreyImage;
import java.util.SplittableRandom;

/**
 * Renders backlit turned rings as the camera sees them: a dark ring on a bright, linearly graded
 * background seen through the bore, anti-aliased by pixel-area coverage, blurred by a Gaussian
 * point spread, with Gaussian sensor noise, rounded to 8 bits. The same scene and seed give the same
 * pixels. Its model was read off {@code ../shared/data/vision/rings-sample}: the dark level of the
 * ring is flat (no light reaches the sensor there), the background and the bore share one plane.
 */
public final class RingRenderer {

    /** Sub-samples per axis for pixels an edge passes through; 16 x 16 bounds the coverage error at 1/256. */
    private static final int SUBSAMPLES = 16;

    /**
     * One scene. Diameters and centre are in pixels, pixel {@code (x, y)} centred on {@code (x, y)};
     * {@code gradientX} and {@code gradientY} are the relative change of the background over the full
     * width and height (0.1 = 10 % brighter on one side than on the other).
     */
    public record Scene(int width, int height, double centreX, double centreY, double outerDiameterPx,
                        double boreDiameterPx, double blurSigmaPx, double noiseSigma, double backgroundLevel,
                        double ringLevel, double gradientX, double gradientY, long seed) {

        public Scene {
            if (width <= 0 || height <= 0) {
                throw new IllegalArgumentException("size must be positive");
            }
            if (!(boreDiameterPx >= 0 && boreDiameterPx < outerDiameterPx)) {
                throw new IllegalArgumentException("need 0 <= bore diameter < outer diameter, was " + boreDiameterPx
                        + " and " + outerDiameterPx);
            }
            if (blurSigmaPx < 0 || noiseSigma < 0) {
                throw new IllegalArgumentException("blur and noise must not be negative");
            }
        }

        /** The same scene with another noise seed. */
        public Scene withSeed(long newSeed) {
            return new Scene(width, height, centreX, centreY, outerDiameterPx, boreDiameterPx, blurSigmaPx, noiseSigma,
                    backgroundLevel, ringLevel, gradientX, gradientY, newSeed);
        }
    }

    private RingRenderer() {
    }

    /** The image of a scene. */
    public static GreyImage render(Scene scene) {
        int w = scene.width();
        int h = scene.height();
        float[] cover = coverage(scene);
        if (scene.blurSigmaPx() > 0) {
            cover = blur(cover, w, h, scene.blurSigmaPx(), scene.centreX(), scene.centreY(),
                    scene.outerDiameterPx() / 2 + 2);
        }
        SplittableRandom random = new SplittableRandom(scene.seed());
        byte[] pixels = new byte[w * h];
        double halfW = (w - 1) / 2.0;
        double halfH = (h - 1) / 2.0;
        for (int y = 0; y < h; y++) {
            double rowLight = 1 + scene.gradientY() * (y - halfH) / h;
            for (int x = 0; x < w; x++) {
                double background = scene.backgroundLevel() * (rowLight + scene.gradientX() * (x - halfW) / w);
                double value = background - (background - scene.ringLevel()) * cover[y * w + x];
                if (scene.noiseSigma() > 0) {
                    value += scene.noiseSigma() * random.nextGaussian();
                }
                long grey = Math.round(value);
                pixels[y * w + x] = (byte) Math.max(0, Math.min(255, grey));
            }
        }
        return new GreyImage(w, h, pixels);
    }

    /** Fraction of each pixel covered by the ring (outer disc less the bore). */
    static float[] coverage(Scene scene) {
        int w = scene.width();
        int h = scene.height();
        float[] cover = new float[w * h];
        double ro = scene.outerDiameterPx() / 2;
        double ri = scene.boreDiameterPx() / 2;
        double cx = scene.centreX();
        double cy = scene.centreY();
        int x0 = Math.max(0, (int) Math.floor(cx - ro - 2));
        int x1 = Math.min(w - 1, (int) Math.ceil(cx + ro + 2));
        int y0 = Math.max(0, (int) Math.floor(cy - ro - 2));
        int y1 = Math.min(h - 1, (int) Math.ceil(cy + ro + 2));
        // a pixel is entirely on one side of a circle when its centre is further than half its diagonal from it
        double margin = Math.sqrt(0.5) + 1e-9;
        double outside = (ro + margin) * (ro + margin);
        double inside = ro > margin ? (ro - margin) * (ro - margin) : 0;
        double boreInside = ri > margin ? (ri - margin) * (ri - margin) : 0;
        double boreOutside = (ri + margin) * (ri + margin);
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                double d2 = (x - cx) * (x - cx) + (y - cy) * (y - cy);
                float c;
                if (d2 > outside || d2 < boreInside) {
                    c = 0;
                } else if (d2 < inside && d2 > boreOutside) {
                    c = 1;
                } else {
                    c = subsampled(x - cx, y - cy, ro * ro, ri * ri);
                }
                cover[y * w + x] = c;
            }
        }
        return cover;
    }

    private static float subsampled(double dx, double dy, double ro2, double ri2) {
        int inside = 0;
        for (int j = 0; j < SUBSAMPLES; j++) {
            double sy = dy - 0.5 + (j + 0.5) / SUBSAMPLES;
            for (int i = 0; i < SUBSAMPLES; i++) {
                double sx = dx - 0.5 + (i + 0.5) / SUBSAMPLES;
                double r2 = sx * sx + sy * sy;
                if (r2 <= ro2 && r2 >= ri2) {
                    inside++;
                }
            }
        }
        return inside / (float) (SUBSAMPLES * SUBSAMPLES);
    }

    /**
     * Separable Gaussian blur (sampled kernel, 4 sigma), edges clamped, of a field that is zero outside
     * the square of side {@code 2 * reach} about {@code (cx, cy)}: only the region it can reach is computed.
     */
    static float[] blur(float[] in, int w, int h, double sigma, double cx, double cy, double reach) {
        int radius = (int) Math.ceil(4 * sigma);
        float[] kernel = new float[2 * radius + 1];
        double sum = 0;
        for (int k = -radius; k <= radius; k++) {
            double v = Math.exp(-k * k / (2 * sigma * sigma));
            kernel[k + radius] = (float) v;
            sum += v;
        }
        for (int k = 0; k < kernel.length; k++) {
            kernel[k] /= (float) sum;
        }
        int x0 = Math.max(0, (int) Math.floor(cx - reach) - radius);
        int x1 = Math.min(w - 1, (int) Math.ceil(cx + reach) + radius);
        int y0 = Math.max(0, (int) Math.floor(cy - reach));
        int y1 = Math.min(h - 1, (int) Math.ceil(cy + reach));
        float[] tmp = new float[w * h];
        for (int y = y0; y <= y1; y++) {
            int row = y * w;
            for (int x = x0; x <= x1; x++) {
                float acc = 0;
                for (int k = -radius; k <= radius; k++) {
                    int xx = Math.min(w - 1, Math.max(0, x + k));
                    acc += kernel[k + radius] * in[row + xx];
                }
                tmp[row + x] = acc;
            }
        }
        float[] out = new float[w * h];
        int yb0 = Math.max(0, y0 - radius);
        int yb1 = Math.min(h - 1, y1 + radius);
        for (int y = yb0; y <= yb1; y++) {
            for (int x = x0; x <= x1; x++) {
                float acc = 0;
                for (int k = -radius; k <= radius; k++) {
                    int yy = Math.min(h - 1, Math.max(0, y + k));
                    acc += kernel[k + radius] * tmp[yy * w + x];
                }
                out[y * w + x] = acc;
            }
        }
        return out;
    }
}
