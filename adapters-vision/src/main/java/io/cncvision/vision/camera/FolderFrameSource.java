package io.cncvision.vision.camera;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.imageio.ImageIO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A camera that writes each image into a folder: every image file that appears there after {@link #open} is a
 * frame, its file name the frame id. A file still being written is not read until its size and modification
 * time have held still for {@code settle} and it decodes; hidden files and {@code .tmp}/{@code .part} files
 * (a camera writing then renaming) are ignored. A file that never decodes is skipped after {@code giveUpAfter},
 * counted and logged.
 */
public final class FolderFrameSource implements FrameSource {

    private static final Logger log = LoggerFactory.getLogger(FolderFrameSource.class);
    private static final Set<String> IMAGE_SUFFIXES = Set.of("png", "jpg", "jpeg", "bmp", "tif", "tiff", "gif");

    private final Path folder;
    private final Duration settle;
    private final Duration giveUpAfter;
    private final Clock clock;
    private final Map<Path, Pending> pending = new LinkedHashMap<>();
    private final ArrayDeque<CapturedImage> ready = new ArrayDeque<>();
    private final AtomicLong unreadable = new AtomicLong();
    private WatchService watcher;

    public FolderFrameSource(Path folder, Duration settle, Duration giveUpAfter, Clock clock) {
        this.folder = folder;
        this.settle = settle;
        this.giveUpAfter = giveUpAfter;
        this.clock = clock;
    }

    public FolderFrameSource(Path folder, Clock clock) {
        this(folder, Duration.ofMillis(100), Duration.ofSeconds(10), clock);
    }

    @Override
    public void open() throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new NoSuchFileException(folder.toString(), null, "not a folder");
        }
        watcher = FileSystems.getDefault().newWatchService();
        folder.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
    }

    @Override
    public CapturedImage next(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (!ready.isEmpty()) {
                return ready.poll();
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            // While files are settling, look again soon even when the folder is quiet.
            long wait = pending.isEmpty() ? left : Math.min(left, Math.max(settle.toNanos() / 2, 1_000_000));
            WatchKey key;
            try {
                key = watcher.poll(wait, TimeUnit.NANOSECONDS);
            } catch (ClosedWatchServiceException e) {
                throw new IOException("watch of " + folder + " closed", e);
            }
            if (key != null) {
                for (WatchEvent<?> event : key.pollEvents()) {
                    if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                        log.warn("{}: too many files at once; some may have been missed", folder);
                        continue;
                    }
                    Path file = folder.resolve((Path) event.context());
                    if (isImageName(file)) {
                        pending.computeIfAbsent(file, f -> new Pending(System.nanoTime()));
                    }
                }
                if (!key.reset()) {
                    throw new IOException("folder " + folder + " is no longer accessible");
                }
            }
            settlePending();
        }
    }

    /** Files that never decoded and were skipped. */
    public long unreadable() {
        return unreadable.get();
    }

    private void settlePending() {
        var entries = pending.entrySet().iterator();
        while (entries.hasNext()) {
            var entry = entries.next();
            Path file = entry.getKey();
            Pending state = entry.getValue();
            long now = System.nanoTime();
            BasicFileAttributes attributes;
            try {
                attributes = Files.readAttributes(file, BasicFileAttributes.class);
            } catch (IOException gone) {
                entries.remove(); // renamed or deleted before it settled
                continue;
            }
            long size = attributes.size();
            long modified = attributes.lastModifiedTime().toMillis();
            if (size != state.size || modified != state.modified) {
                state.size = size;
                state.modified = modified;
                state.stillSince = now;
                continue;
            }
            if (size == 0 || now - state.stillSince < settle.toNanos()) {
                if (now - state.firstSeen > giveUpAfter.toNanos()) {
                    skip(entries, file, "stayed empty");
                }
                continue;
            }
            BufferedImage image = decode(file);
            if (image != null) {
                entries.remove();
                ready.add(new CapturedImage(image, attributes.lastModifiedTime().toInstant().isAfter(clock.instant())
                        ? clock.instant() : attributes.lastModifiedTime().toInstant(), file.getFileName().toString()));
            } else if (now - state.firstSeen > giveUpAfter.toNanos()) {
                skip(entries, file, "does not decode as an image");
            }
        }
    }

    private void skip(java.util.Iterator<?> entries, Path file, String why) {
        entries.remove();
        long total = unreadable.incrementAndGet();
        log.warn("{}: skipped {}: it {} ({} skipped in all)", folder, file.getFileName(), why, total);
    }

    private static BufferedImage decode(Path file) {
        try {
            return ImageIO.read(file.toFile());
        } catch (IOException | RuntimeException truncated) {
            return null;
        }
    }

    private static boolean isImageName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return !name.startsWith(".") && dot > 0
                && IMAGE_SUFFIXES.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    @Override
    public String describe() {
        return "folder " + folder;
    }

    @Override
    public void close() {
        pending.clear();
        ready.clear();
        if (watcher != null) {
            try {
                watcher.close();
            } catch (IOException e) {
                log.debug("closing the watch of {}", folder, e);
            }
            watcher = null;
        }
    }

    private static final class Pending {
        final long firstSeen;
        long stillSince;
        long size = -1;
        long modified = -1;

        Pending(long now) {
            firstSeen = now;
            stillSince = now;
        }
    }
}
