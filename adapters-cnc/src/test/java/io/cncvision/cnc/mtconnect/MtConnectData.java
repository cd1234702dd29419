package io.cncvision.cnc.mtconnect;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The real MTConnect documents and captures under {@code ../shared/data/mtconnect} beside the project
 * root (as the spc module's SharedData finds its data); a test that needs them is skipped, saying so,
 * when the folder is absent.
 */
final class MtConnectData {

    private MtConnectData() {
    }

    static Path path(String relative) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolveSibling("shared").resolve("data").resolve("mtconnect").resolve(relative);
            if (Files.exists(candidate)) {
                return candidate;
            }
        }
        assumeTrue(false, "../shared/data/mtconnect/" + relative + " is not present: test skipped");
        return null;
    }

    /** The .xml files of a folder, sorted by name. */
    static List<Path> xml(String folder) {
        try (Stream<Path> files = Files.list(path(folder))) {
            return files.filter(file -> file.toString().endsWith(".xml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
