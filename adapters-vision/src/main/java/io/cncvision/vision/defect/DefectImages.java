package io.cncvision.vision.defect;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Turns an image into the model's input: grey levels, area-averaged down to {@code size x size} and scaled to about
 * -2..2 ({@code (grey - 128) / 64}); the absolute grey level is kept, as it tells some defects apart (choosing this
 * over a per-image standardisation took the tuning split from 95.6 % to 97.4 %). Training and classification share
 * this, so the model always sees what it was trained on.
 */
public final class DefectImages {

    private DefectImages() {
    }

    /** Reads an image file; a file that is empty, truncated or not an image is refused, naming the file. */
    public static BufferedImage read(Path file) throws UnreadableImageException {
        try {
            if (Files.size(file) == 0) {
                throw new UnreadableImageException(file, "empty file");
            }
            try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
                Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
                if (!readers.hasNext()) {
                    throw new UnreadableImageException(file, "not an image");
                }
                ImageReader reader = readers.next();
                try {
                    // A truncated JPEG decodes with a warning ("Premature end of JPEG file") and grey rows: refuse it.
                    List<String> warnings = new ArrayList<>();
                    reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
                    reader.setInput(in, true, true);
                    BufferedImage image = reader.read(0);
                    if (!warnings.isEmpty()) {
                        throw new UnreadableImageException(file, "damaged image (" + warnings.get(0) + ")");
                    }
                    return image;
                } finally {
                    reader.dispose();
                }
            }
        } catch (IOException | RuntimeException e) {
            // ImageIO reports a truncated JPEG or PNG as an IOException, some decoders as a runtime exception.
            throw new UnreadableImageException(file, "unreadable image (" + e.getMessage() + ")");
        }
    }

    /** The model input for one image: {@code size * size} scaled grey values, row by row. */
    public static float[] toInput(BufferedImage image, int size) {
        int width = image.getWidth();
        int height = image.getHeight();
        float[] grey = new float[width * height];
        if (image.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            // The grey levels as stored. getRGB would pass them through Java2D's colour conversion, whose first use
            // is not safe from several threads at once (it gave slightly different pixels now and then).
            image.getRaster().getSamples(0, 0, width, height, 0, grey);
        } else {
            int[] rgb = image.getRGB(0, 0, width, height, null, 0, width);
            for (int i = 0; i < rgb.length; i++) {
                int p = rgb[i];
                // ITU-R BT.601 luma.
                grey[i] = 0.299f * ((p >> 16) & 0xff) + 0.587f * ((p >> 8) & 0xff) + 0.114f * (p & 0xff);
            }
        }
        float[] out = areaAverage(grey, width, height, size);
        for (int i = 0; i < out.length; i++) {
            out[i] = (out[i] - 128f) / 64f;
        }
        return out;
    }

    /** Resamples by averaging each output pixel's footprint, weighting partly covered input pixels by their share. */
    static float[] areaAverage(float[] in, int width, int height, int size) {
        float[] out = new float[size * size];
        double sx = (double) width / size;
        double sy = (double) height / size;
        for (int oy = 0; oy < size; oy++) {
            double y0 = oy * sy;
            double y1 = y0 + sy;
            for (int ox = 0; ox < size; ox++) {
                double x0 = ox * sx;
                double x1 = x0 + sx;
                double sum = 0;
                double weight = 0;
                for (int iy = (int) y0; iy < Math.min(height, Math.ceil(y1)); iy++) {
                    double wy = Math.min(y1, iy + 1) - Math.max(y0, iy);
                    for (int ix = (int) x0; ix < Math.min(width, Math.ceil(x1)); ix++) {
                        double w = wy * (Math.min(x1, ix + 1) - Math.max(x0, ix));
                        sum += w * in[iy * width + ix];
                        weight += w;
                    }
                }
                out[oy * size + ox] = (float) (sum / weight);
            }
        }
        return out;
    }

    /** The mirror and half-turn images the model averages over (see {@link #FLIPS}), one after another. */
    public static float[] flipped(float[] input, int size) {
        int pixels = size * size;
        float[] out = new float[FLIPS.length * pixels];
        for (int i = 0; i < FLIPS.length; i++) {
            transform(input, size, FLIPS[i], out, i * pixels);
        }
        return out;
    }

    /**
     * The symmetries training augments with and classification averages over (see {@link #transform}): identity,
     * the two mirrors and the half turn. Quarter turns are left out: the strip is rolled in one direction, and
     * rolled-in scale and crazing differ partly in it.
     */
    static final int[] FLIPS = {0, 2, 4, 6};

    /**
     * One of the eight symmetries of the square (rotations by 90 degrees, with or without a mirror), which leave a
     * surface texture's class unchanged; {@code symmetry} 0 is the identity.
     */
    static void transform(float[] in, int size, int symmetry, float[] out, int outOffset) {
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int u = x;
                int v = y;
                if ((symmetry & 4) != 0) {
                    u = size - 1 - u;
                }
                for (int r = 0; r < (symmetry & 3); r++) {
                    int t = u;
                    u = size - 1 - v;
                    v = t;
                }
                out[outOffset + v * size + u] = in[y * size + x];
            }
        }
    }
}
