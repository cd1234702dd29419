package io.cncvision.vision.render;

import com.google.zxing.EncodeHintType;
import com.google.zxing.BarcodeFormat;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.datamatrix.DataMatrixWriter;
import com.google.zxing.datamatrix.encoder.SymbolShapeHint;
import io.cncvision.vision.gauge.GreyImage;
import io.cncvision.vision.gauge.GreyImages;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.util.Map;
import java.util.Random;

/**
 * What the simulated camera sees of one part: the backlit ring with its actual diameters (gauged), a
 * DataMatrix with its serial in {@link #CODE_REGION}, and a view of its face in {@link #SURFACE_REGION},
 * plain or showing a defect. Deterministic from its seed.
 */
public final class PartFrame {

    public static final int WIDTH = 1280;
    public static final int HEIGHT = 1024;
    /** Where the serial's DataMatrix is marked. */
    public static final Rectangle CODE_REGION = new Rectangle(40, 40, 200, 200);
    /** Where the part's face is seen, 200x200 as the defect model's images. */
    public static final Rectangle SURFACE_REGION = new Rectangle(1040, 784, 200, 200);
    /** Grey level and spread of a plain face. */
    static final int PLAIN_LEVEL = 128;
    static final double PLAIN_NOISE = 2.0;

    private PartFrame() {
    }

    /**
     * The frame of a part with outer and bore diameters in mm at {@code mmPerPixel}, its {@code serial} (null for
     * a part not marked), and {@code defect} (a grey image of its face, 200x200) or null for a plain face.
     */
    public static BufferedImage render(double outerDiameterMm, double boreDiameterMm, double mmPerPixel, String serial,
                                       BufferedImage defect, long seed) {
        Random random = new Random(seed);
        double outer = outerDiameterMm / mmPerPixel;
        double bore = boreDiameterMm / mmPerPixel;
        // the ring sits in the middle, clear of the code and the face view
        GreyImage ring = RingRenderer.render(new RingRenderer.Scene(WIDTH, HEIGHT, WIDTH / 2.0 + random.nextGaussian(),
                HEIGHT / 2.0 + random.nextGaussian(), outer, bore, 1.0, 2.0, 210, 25, 0.05, -0.03, seed));
        BufferedImage frame = GreyImages.toBufferedImage(ring);
        WritableRaster raster = frame.getRaster();
        if (serial != null) {
            mark(raster, serial);
        }
        for (int y = 0; y < SURFACE_REGION.height; y++) {
            for (int x = 0; x < SURFACE_REGION.width; x++) {
                int level = defect != null ? defect.getRaster().getSample(x * defect.getWidth() / SURFACE_REGION.width,
                        y * defect.getHeight() / SURFACE_REGION.height, 0)
                        : (int) Math.round(PLAIN_LEVEL + PLAIN_NOISE * random.nextGaussian());
                raster.setSample(SURFACE_REGION.x + x, SURFACE_REGION.y + y, 0, Math.max(0, Math.min(255, level)));
            }
        }
        return frame;
    }

    // A dark-on-light DataMatrix, centred in its region with a light quiet zone, as a laser mark on a bright part.
    private static void mark(WritableRaster raster, String serial) {
        BitMatrix matrix = new DataMatrixWriter().encode(serial, BarcodeFormat.DATA_MATRIX, 0, 0,
                Map.of(EncodeHintType.DATA_MATRIX_SHAPE, SymbolShapeHint.FORCE_SQUARE));
        int module = Math.max(2, (CODE_REGION.width - 40) / matrix.getWidth());
        int size = matrix.getWidth() * module;
        int left = CODE_REGION.x + (CODE_REGION.width - size) / 2;
        int top = CODE_REGION.y + (CODE_REGION.height - size) / 2;
        for (int y = CODE_REGION.y; y < CODE_REGION.y + CODE_REGION.height; y++) {
            for (int x = CODE_REGION.x; x < CODE_REGION.x + CODE_REGION.width; x++) {
                boolean inside = x >= left && x < left + size && y >= top && y < top + size;
                boolean dark = inside && matrix.get((x - left) / module, (y - top) / module);
                raster.setSample(x, y, 0, dark ? 30 : 225);
            }
        }
    }
}
