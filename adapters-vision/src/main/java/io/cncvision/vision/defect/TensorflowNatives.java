package io.cncvision.vision.defect;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Finds the TensorFlow 2.10.1 native libraries and points DJL at them, offline.
 *
 * <p>DJL does not use the {@code tensorflow-native-cpu} jar by itself (its properties name a CUDA build and DJL then
 * tries to download one), so the libraries are unpacked into a directory named by {@code TENSORFLOW_LIBRARY_PATH}.
 * The build unpacks them into {@link #cacheDirectory()}; when a JVM starts without them (the CLI on a machine whose
 * cache was cleared) they are unpacked there from the jar in the local Maven repository.
 */
public final class TensorflowNatives {

    static final String VERSION = "2.10.1";
    static final String LIBRARY_PATH = "TENSORFLOW_LIBRARY_PATH";
    private static final List<String> LIBRARIES =
            List.of("libjnitensorflow.so", "libtensorflow_framework.so.2", "libtensorflow_cc.so.2");

    private static Path resolved;

    private TensorflowNatives() {
    }

    /** Sets {@code TENSORFLOW_LIBRARY_PATH} and {@code ai.djl.offline} for this JVM; returns the directory used. */
    public static synchronized Path ensureConfigured() {
        if (resolved != null) {
            return resolved;
        }
        System.setProperty("ai.djl.offline", "true");
        List<String> looked = new ArrayList<>();
        for (String given : new String[] {System.getProperty(LIBRARY_PATH), System.getenv(LIBRARY_PATH)}) {
            if (given != null && !given.isBlank()) {
                Path dir = Path.of(given);
                if (complete(dir)) {
                    return use(dir);
                }
                looked.add(dir.toString());
            }
        }
        Path cached = cacheDirectory().resolve("native/lib");
        if (complete(cached)) {
            return use(cached);
        }
        looked.add(cached.toString());
        Path jar = mavenRepository().resolve("ai/djl/tensorflow/tensorflow-native-cpu/" + VERSION
                + "/tensorflow-native-cpu-" + VERSION + "-linux-x86_64.jar");
        if (Files.isRegularFile(jar)) {
            unpack(jar, cached);
            return use(cached);
        }
        throw new IllegalStateException("TensorFlow " + VERSION + " native libraries not found in " + looked
                + " and no " + jar + " to unpack them from: run ./mvnw -pl adapters-vision -am process-resources, or set "
                + LIBRARY_PATH + " to a directory holding " + LIBRARIES);
    }

    /** The directory the build and the CLI share for the unpacked natives ({@code native/lib} below it). */
    public static Path cacheDirectory() {
        // The same directory as the root pom's tensorflow.natives.dir, where the build unpacks them.
        return Path.of(System.getProperty("user.home"), ".cache", "cncvision", "tensorflow-" + VERSION);
    }

    private static Path mavenRepository() {
        String local = System.getProperty("maven.repo.local");
        return local != null ? Path.of(local) : Path.of(System.getProperty("user.home"), ".m2", "repository");
    }

    private static boolean complete(Path dir) {
        return LIBRARIES.stream().allMatch(name -> Files.isRegularFile(dir.resolve(name)))
                && Files.isRegularFile(dir.resolve("tensorflow.properties"));
    }

    private static Path use(Path dir) {
        System.setProperty(LIBRARY_PATH, dir.toAbsolutePath().toString());
        resolved = dir;
        return dir;
    }

    /** Unpacks into a sibling temporary directory first, so a killed JVM never leaves a half-written library behind. */
    private static void unpack(Path jar, Path target) {
        try {
            Files.createDirectories(target.getParent());
            Path partial = Files.createTempDirectory(target.getParent(), "lib-partial-");
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                    String name = entry.getName();
                    if (entry.isDirectory() || !name.startsWith("native/lib/")) {
                        continue;
                    }
                    try (InputStream in = zip.getInputStream(entry)) {
                        Files.copy(in, partial.resolve(name.substring("native/lib/".length())),
                                StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            if (complete(target)) {
                // Another process finished first.
                deleteTree(partial);
                return;
            }
            deleteTree(target);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack TensorFlow natives from " + jar + " into " + target, e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
