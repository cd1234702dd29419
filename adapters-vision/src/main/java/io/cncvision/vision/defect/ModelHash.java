package io.cncvision.vision.defect;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The SHA-256 that names a SavedModel: over its files (all but {@link ModelMetadata#FILE_NAME}) in the order of their
 * '/'-separated relative paths, each contributing its path in UTF-8, a zero byte, its length as 8 big-endian bytes
 * and its content. The same model directory gives the same hash wherever it is copied.
 */
public final class ModelHash {

    private ModelHash() {
    }

    public static String sha256(Path modelDir) {
        try (Stream<Path> walk = Files.walk(modelDir)) {
            List<Path> files = walk.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().equals(ModelMetadata.FILE_NAME))
                    .sorted((a, b) -> relative(modelDir, a).compareTo(relative(modelDir, b)))
                    .toList();
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (Path file : files) {
                digest.update(relative(modelDir, file).getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(ByteBuffer.allocate(8).putLong(Files.size(file)).array());
                try (InputStream in = Files.newInputStream(file)) {
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        digest.update(buffer, 0, n);
                    }
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot hash the model in " + modelDir, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String relative(Path root, Path file) {
        return root.relativize(file).toString().replace(java.io.File.separatorChar, '/');
    }
}
