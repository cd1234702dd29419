package io.cncvision.vision.storage;

import io.cncvision.api.value.Sha256;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import javax.imageio.ImageIO;

/**
 * Content-addressed image storage: an image is named by the SHA-256 of its encoded (PNG) bytes, the name an
 * inspection records, so storing the same image twice stores it once. The local filesystem by default; an
 * S3-compatible object store can stand behind the same interface.
 */
public interface ImageStore {

    /** Stores the encoded image bytes (idempotent) and returns their SHA-256. */
    Sha256 put(byte[] encoded) throws IOException;

    /** Encodes {@code image} as PNG, stores it and returns the SHA-256 of the PNG bytes. */
    default Sha256 put(BufferedImage image) throws IOException {
        return put(png(image));
    }

    /** The stored bytes, or empty when the image is not (or no longer) stored. */
    Optional<byte[]> get(Sha256 sha256) throws IOException;

    boolean contains(Sha256 sha256) throws IOException;

    /** Deletes images stored before {@code cutoff}; returns how many. */
    int deleteStoredBefore(Instant cutoff) throws IOException;

    /** Deletes images older than the configured retention; for the app to schedule. */
    int applyRetention() throws IOException;

    static byte[] png(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(image.getWidth() * image.getHeight() / 2 + 1024);
        try {
            if (!ImageIO.write(image, "png", out)) {
                throw new IllegalArgumentException("no PNG writer for image type " + image.getType());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static Sha256 sha256(byte[] bytes) {
        try {
            return Sha256.of(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
