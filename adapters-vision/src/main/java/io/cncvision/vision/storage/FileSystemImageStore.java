package io.cncvision.vision.storage;

import io.cncvision.api.value.Sha256;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Images under {@code <root>/ab/cd/<sha256>.png} ({@code ab}, {@code cd}: the digest's first two bytes, so no
 * folder grows too large). A write goes to a temporary file in the same folder and is moved into place
 * atomically, so a reader never sees half an image; an image already there is not written again. Retention
 * deletes images stored longer ago than {@code retention} (their file time is when they were stored).
 */
public final class FileSystemImageStore implements ImageStore {

    private static final Logger log = LoggerFactory.getLogger(FileSystemImageStore.class);
    private static final String SUFFIX = ".png";

    private final Path root;
    private final Duration retention;
    private final Clock clock;

    public FileSystemImageStore(Path root, Duration retention, Clock clock) throws IOException {
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("retention must be positive, not " + retention);
        }
        this.root = Files.createDirectories(root);
        this.retention = retention;
        this.clock = clock;
    }

    /** Where the image named {@code sha256} is (or would be) stored. */
    public Path pathOf(Sha256 sha256) {
        String hex = sha256.value();
        return root.resolve(hex.substring(0, 2)).resolve(hex.substring(2, 4)).resolve(hex + SUFFIX);
    }

    @Override
    public Sha256 put(byte[] encoded) throws IOException {
        Sha256 sha256 = ImageStore.sha256(encoded);
        Path target = pathOf(sha256);
        if (Files.exists(target)) {
            return sha256;
        }
        Path folder = Files.createDirectories(target.getParent());
        Path temporary = Files.createTempFile(folder, ".incoming-", ".tmp");
        try {
            Files.write(temporary, encoded);
            Files.setLastModifiedTime(temporary, FileTime.from(clock.instant()));
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target);
            }
        } catch (FileAlreadyExistsException stored) {
            // Another writer stored the same bytes first: the same content, nothing to do.
        } finally {
            Files.deleteIfExists(temporary);
        }
        return sha256;
    }

    @Override
    public Optional<byte[]> get(Sha256 sha256) throws IOException {
        try {
            return Optional.of(Files.readAllBytes(pathOf(sha256)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    @Override
    public boolean contains(Sha256 sha256) {
        return Files.exists(pathOf(sha256));
    }

    @Override
    public int deleteStoredBefore(Instant cutoff) throws IOException {
        int deleted = 0;
        try (Stream<Path> files = Files.walk(root, 3)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                String name = file.getFileName().toString();
                boolean stale = name.startsWith(".incoming-")
                        && Files.getLastModifiedTime(file).toInstant().isBefore(clock.instant().minus(Duration.ofHours(1)));
                if ((name.endsWith(SUFFIX) && Files.getLastModifiedTime(file).toInstant().isBefore(cutoff)) || stale) {
                    if (Files.deleteIfExists(file)) {
                        deleted++;
                    }
                }
            }
        }
        deleteEmptyFolders();
        if (deleted > 0) {
            log.info("image store {}: deleted {} images stored before {}", root, deleted, cutoff);
        }
        return deleted;
    }

    @Override
    public int applyRetention() throws IOException {
        return deleteStoredBefore(clock.instant().minus(retention));
    }

    private void deleteEmptyFolders() throws IOException {
        try (DirectoryStream<Path> firsts = Files.newDirectoryStream(root, Files::isDirectory)) {
            for (Path first : firsts) {
                try (DirectoryStream<Path> seconds = Files.newDirectoryStream(first, Files::isDirectory)) {
                    for (Path second : seconds) {
                        deleteIfEmpty(second);
                    }
                }
                deleteIfEmpty(first);
            }
        }
    }

    private static void deleteIfEmpty(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            if (entries.findAny().isEmpty()) {
                Files.deleteIfExists(folder);
            }
        } catch (IOException e) {
            // A writer just created it, or it is gone: leave it to the next pass.
            log.debug("image store: keeping {}", folder, e);
        }
    }
}
