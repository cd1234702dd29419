package io.cncvision.vision.gauge;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.Raster;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Reads image files (PNG, BMP, JPEG, ...) as {@link GreyImage}s; colour images are converted to luminance. */
public final class GreyImages {

    private GreyImages() {
    }

    /**
     * Reads one file. An empty file, a file that is not an image and a truncated image are refused
     * with an {@link IOException} whose message says which of these it is.
     */
    public static GreyImage read(Path file) throws IOException {
        if (Files.size(file) == 0) {
            throw new IOException("empty file");
        }
        BufferedImage image;
        try (InputStream in = Files.newInputStream(file)) {
            image = ImageIO.read(in);
        } catch (IOException | RuntimeException e) {
            // ImageIO reports a truncated PNG as an EOFException or an IIOException, sometimes wrapped
            throw new IOException("unreadable or truncated image: " + e.getMessage(), e);
        }
        if (image == null) {
            throw new IOException("not an image in a format this reader knows");
        }
        return of(image);
    }

    /**
     * The grey levels of an AWT image. Single-band images (8 or 16 bits) keep their values, scaled to
     * 8 bits; colour images become Rec. 601 luma of their stored values. Neither goes through AWT's
     * colour-space conversion, whose gamma would bend edge profiles and move the fitted edges.
     */
    public static GreyImage of(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        Raster raster = image.getRaster();
        if (image.getType() == BufferedImage.TYPE_BYTE_GRAY
                && raster.getDataBuffer() instanceof DataBufferByte bytes && bytes.getData().length == width * height) {
            return new GreyImage(width, height, bytes.getData().clone());
        }
        byte[] pixels = new byte[width * height];
        if (raster.getNumBands() == 1 && image.getColorModel().getPixelSize() <= 16) {
            int bits = raster.getSampleModel().getSampleSize(0);
            double scale = 255.0 / ((1 << bits) - 1);
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    pixels[y * width + x] = (byte) Math.round(raster.getSample(x, y, 0) * scale);
                }
            }
        } else {
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    int rgb = image.getRGB(x, y);
                    double luma = 0.299 * ((rgb >> 16) & 0xFF) + 0.587 * ((rgb >> 8) & 0xFF) + 0.114 * (rgb & 0xFF);
                    pixels[y * width + x] = (byte) Math.round(luma);
                }
            }
        }
        return new GreyImage(width, height, pixels);
    }

    /** An AWT image of the grey levels, for writing with {@link ImageIO}. */
    public static BufferedImage toBufferedImage(GreyImage image) {
        BufferedImage out = new BufferedImage(image.width(), image.height(), BufferedImage.TYPE_BYTE_GRAY);
        byte[] data = ((DataBufferByte) out.getRaster().getDataBuffer()).getData();
        System.arraycopy(image.pixels(), 0, data, 0, data.length);
        return out;
    }
}
