package io.cncvision.vision.gauge;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
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

    /** The grey levels of an AWT image. */
    public static GreyImage of(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        if (image.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            byte[] data = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
            if (data.length == width * height) {
                return new GreyImage(width, height, data.clone());
            }
        }
        BufferedImage grey = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        grey.getGraphics().drawImage(image, 0, 0, null);
        return new GreyImage(width, height, ((DataBufferByte) grey.getRaster().getDataBuffer()).getData());
    }

    /** An AWT image of the grey levels, for writing with {@link ImageIO}. */
    public static BufferedImage toBufferedImage(GreyImage image) {
        BufferedImage out = new BufferedImage(image.width(), image.height(), BufferedImage.TYPE_BYTE_GRAY);
        byte[] data = ((DataBufferByte) out.getRaster().getDataBuffer()).getData();
        System.arraycopy(image.pixels(), 0, data, 0, data.length);
        return out;
    }
}
