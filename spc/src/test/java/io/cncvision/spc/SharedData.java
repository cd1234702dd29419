package io.cncvision.spc;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The project's shared reference data ({@code ../shared/data} beside the project root). A test that
 * needs it is skipped, with a message saying so, when the folder is absent.
 */
public final class SharedData {

    private SharedData() {
    }

    /** The file under {@code shared/data}, e.g. {@code spc/qcc/pistonrings.txt}; skips the test if missing. */
    public static Path file(String relative) {
        Path found = null;
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolveSibling("shared").resolve("data").resolve(relative);
            if (Files.isRegularFile(candidate)) {
                found = candidate;
                break;
            }
        }
        assumeTrue(found != null, "../shared/data/" + relative + " is not present: test skipped");
        return found;
    }

    /** The rows of a whitespace-separated qcc data file, header first, each split into its fields. */
    public static List<String[]> table(String relative) {
        try {
            return Files.readAllLines(file(relative)).stream()
                    .map(String::trim)
                    .filter(line -> !line.isEmpty())
                    .map(line -> line.split("\\s+"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Column {@code name} of a qcc data file as numbers. */
    public static double[] column(String relative, String name) {
        List<String[]> rows = table(relative);
        int index = Arrays.asList(rows.get(0)).indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException(relative + " has no column " + name);
        }
        return rows.stream().skip(1).mapToDouble(row -> Double.parseDouble(row[index])).toArray();
    }
}
