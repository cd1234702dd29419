package io.cncvision.app.cli.vision;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code cncvision vision classify} as a user runs it: CSV for the good files, a message and status 2 for bad ones. */
class ClassifyCommandTest {

    private static final Path MODEL = Path.of("../models/neu-det");
    private static final Path IMAGES = Path.of("../../shared/data/vision/neu-det-train");

    @TempDir
    Path dir;

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    @Test
    void classifiesEveryImageOfADirectoryAsCsv() throws Exception {
        Path scratch = copy("scratches", "scratch.jpg");
        Path patch = copy("patches", "patch.jpg");

        int status = run("--model", MODEL.toString(), dir.toString());

        assertThat(status).isZero();
        assertThat(lines(stdout)).containsExactly("path,label,confidence",
                patch + ",patches," + confidence(patch), scratch + ",scratches," + confidence(scratch));
    }

    @Test
    void namesEachBadFileClassifiesTheOthersAndEndsWithStatusTwo() throws Exception {
        Path good = copy("crazing", "good.jpg");
        Path empty = Files.createFile(dir.resolve("empty.jpg"));
        Path text = Files.writeString(dir.resolve("readme.png"), "not an image");
        byte[] jpeg = Files.readAllBytes(good);
        Path truncated = Files.write(dir.resolve("truncated.jpg"), Arrays.copyOf(jpeg, jpeg.length / 3));

        int status = run("--model", MODEL.toString(), empty.toString(), good.toString(), text.toString(),
                truncated.toString(), dir.resolve("missing.jpg").toString());

        assertThat(status).isEqualTo(2);
        List<String> csv = lines(stdout);
        assertThat(csv).hasSize(2);
        assertThat(csv.get(1)).startsWith(good + ",crazing,");
        String messages = stderr.toString(StandardCharsets.UTF_8);
        assertThat(messages).contains(empty + ": empty file").contains(text + ": not an image")
                .contains(truncated.toString()).contains("missing.jpg");
    }

    @Test
    void aDirectoryThatIsNotAModelEndsWithStatusTwo() throws Exception {
        Path image = copy("crazing", "image.jpg");
        int status = run("--model", dir.resolve("nothing-here").toString(), image.toString());
        assertThat(status).isEqualTo(2);
        assertThat(stderr.toString(StandardCharsets.UTF_8)).contains("nothing-here");
    }

    private String confidence(Path file) {
        return lines(stdout).stream().filter(l -> l.startsWith(file + ",")).findFirst().orElseThrow()
                .replaceAll(".*,", "");
    }

    private Path copy(String defectClass, String name) throws Exception {
        Path folder = IMAGES.resolve(defectClass);
        Assumptions.assumeTrue(Files.isDirectory(folder), "NEU-DET images not found at " + folder.toAbsolutePath());
        try (var files = Files.list(folder)) {
            return Files.copy(files.sorted().findFirst().orElseThrow(), dir.resolve(name));
        }
    }

    private int run(String... args) {
        ClassifyCommand command = new ClassifyCommand();
        command.out = new PrintStream(stdout, true, StandardCharsets.UTF_8);
        command.err = new PrintStream(stderr, true, StandardCharsets.UTF_8);
        return new CommandLine(command).execute(args);
    }

    private static List<String> lines(ByteArrayOutputStream stream) {
        return stream.toString(StandardCharsets.UTF_8).lines().toList();
    }
}
