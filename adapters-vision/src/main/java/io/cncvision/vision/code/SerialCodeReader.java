package io.cncvision.vision.code;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.NotFoundException;
import com.google.zxing.Reader;
import com.google.zxing.ReaderException;
import com.google.zxing.Result;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.datamatrix.DataMatrixReader;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.AffineTransformOp;
import java.awt.image.BufferedImage;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a part's serial from a DataMatrix or QR code in an image (ZXing): DataMatrix first, then QR, each with
 * TRY_HARDER, over a local then a global threshold. ZXing's QR detector finds a code at any angle, its DataMatrix
 * detector only near the axes, so an image where neither reads is tried again turned by 30 and 60 degrees, and
 * inverted (a code marked light on dark). One reader per thread: ZXing readers keep state.
 */
public final class SerialCodeReader {

    private static final List<Double> TURNS_DEGREES = List.of(30.0, 60.0);

    private final Map<DecodeHintType, Object> hints = new EnumMap<>(DecodeHintType.class);
    private final Reader dataMatrix = new DataMatrixReader();
    private final Reader qr = new QRCodeReader();

    public SerialCodeReader() {
        hints.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
        hints.put(DecodeHintType.CHARACTER_SET, "UTF-8");
    }

    /** The text of the first code read, and which symbology it was. */
    public record Decoded(String text, String format) {
    }

    /**
     * The code in {@code region} of {@code image} (the whole image when null), or empty where none reads. ZXing's
     * DataMatrix detector searches outward from the centre of what it is given, so where the part dominates the
     * image the code must be read from a region centred on where it is marked.
     */
    public Optional<Decoded> read(BufferedImage image, Rectangle region) {
        if (region == null) {
            return read(image);
        }
        Rectangle inside = region.intersection(new Rectangle(0, 0, image.getWidth(), image.getHeight()));
        if (inside.isEmpty()) {
            throw new IllegalArgumentException("code region " + region + " lies outside the " + image.getWidth() + "x"
                    + image.getHeight() + " image");
        }
        return read(image.getSubimage(inside.x, inside.y, inside.width, inside.height));
    }

    /** The code in {@code image}, or empty where none reads. */
    public Optional<Decoded> read(BufferedImage image) {
        Optional<Decoded> decoded = readUpright(image);
        for (int i = 0; decoded.isEmpty() && i < TURNS_DEGREES.size(); i++) {
            decoded = readUpright(turned(image, TURNS_DEGREES.get(i)));
        }
        return decoded;
    }

    private Optional<Decoded> readUpright(BufferedImage image) {
        LuminanceSource source = new GrayLuminanceSource(image);
        for (LuminanceSource luminance : List.of(source, source.invert())) {
            for (BinaryBitmap bitmap : List.of(new BinaryBitmap(new HybridBinarizer(luminance)),
                    new BinaryBitmap(new GlobalHistogramBinarizer(luminance)))) {
                for (Reader reader : List.of(dataMatrix, qr)) {
                    try {
                        Result result = reader.decode(bitmap, hints);
                        return Optional.of(new Decoded(result.getText(), result.getBarcodeFormat().name()));
                    } catch (NotFoundException e) {
                        // not this reader, threshold or polarity: try the next
                    } catch (ReaderException e) {
                        // found but unreadable (checksum, format): try the next
                    } finally {
                        reader.reset();
                    }
                }
            }
        }
        return Optional.empty();
    }

    // Turned about its centre onto a canvas large enough to hold every corner, the new margin white.
    private static BufferedImage turned(BufferedImage image, double degrees) {
        double radians = Math.toRadians(degrees);
        double sin = Math.abs(Math.sin(radians));
        double cos = Math.abs(Math.cos(radians));
        int width = (int) Math.ceil(image.getWidth() * cos + image.getHeight() * sin);
        int height = (int) Math.ceil(image.getWidth() * sin + image.getHeight() * cos);
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        var g = out.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        AffineTransform transform = new AffineTransform();
        transform.translate(width / 2.0, height / 2.0);
        transform.rotate(radians);
        transform.translate(-image.getWidth() / 2.0, -image.getHeight() / 2.0);
        g.drawImage(image, new AffineTransformOp(transform, AffineTransformOp.TYPE_BILINEAR), 0, 0);
        g.dispose();
        return out;
    }
}
