package io.cncvision.app.cli.vision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cncvision.vision.gauge.GreyImages;
import io.cncvision.vision.render.RingRenderer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code cncvision vision measure} as a user runs it: images in, a JSON line each, status 2 for bad files. */
class MeasureCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void measuresEachImageOnItsOwnJsonLine() throws IOException {
        Path a = ring("a.png", 400, 200, 1);
        Path b = ring("b.png", 300, 180, 2);

        int status = run("--recipe", "ring", "--mm-per-pixel", "0.025", a.toString(), b.toString());

        assertThat(status).isZero();
        String[] lines = stdout.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines).hasSize(2);
        JsonNode first = mapper.readTree(lines[0]);
        assertThat(first.get("image").asText()).isEqualTo(a.toString());
        assertThat(first.get("features").get("outer-diameter").asDouble()).isCloseTo(10.0, within(0.001));
        assertThat(first.get("features").get("bore-diameter").asDouble()).isCloseTo(5.0, within(0.001));
        assertThat(first.get("latencyMicros").asLong()).isPositive();
        JsonNode second = mapper.readTree(lines[1]);
        assertThat(second.get("features").get("outer-diameter").asDouble()).isCloseTo(7.5, within(0.001));
        assertThat(second.get("features").get("bore-diameter").asDouble()).isCloseTo(4.5, within(0.001));
    }

    @Test
    void reportsEmptyNonImageAndTruncatedFilesAndStillMeasuresTheRest() throws IOException {
        Path good = ring("good.png", 400, 200, 3);
        Path empty = Files.createFile(dir.resolve("empty.png"));
        Path text = Files.writeString(dir.resolve("notes.png"), "not an image\n");
        byte[] bytes = Files.readAllBytes(good);
        Path truncated = Files.write(dir.resolve("truncated.png"), Arrays.copyOf(bytes, bytes.length / 2));

        int status = run("--recipe", "ring", "--mm-per-pixel", "0.025", empty.toString(), text.toString(),
                truncated.toString(), good.toString());

        assertThat(status).isEqualTo(2);
        String errors = stderr.toString(StandardCharsets.UTF_8);
        assertThat(errors).contains(empty + ": empty file").contains(text.toString()).contains(truncated.toString());
        String[] lines = stdout.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines).hasSize(1);
        assertThat(mapper.readTree(lines[0]).get("image").asText()).isEqualTo(good.toString());
    }

    @Test
    void recipeFileNamesTheFeatures() throws IOException {
        Path recipe = Files.writeString(dir.resolve("flange.yaml"), """
                features:
                  od: {type: outer-diameter, min-diameter-mm: 9}
                """);

        int status = run("--recipe", recipe.toString(), "--mm-per-pixel", "0.025", ring("c.png", 400, 200, 4).toString());

        assertThat(status).isZero();
        JsonNode features = mapper.readTree(stdout.toByteArray()).get("features");
        assertThat(features.size()).isEqualTo(1);
        assertThat(features.get("od").asDouble()).isCloseTo(10.0, within(0.001));
    }

    @Test
    void badRecipeIsRefusedNamingFileAndField() throws IOException {
        Path recipe = Files.writeString(dir.resolve("bad.yaml"), "features:\n  od: {type: diameter}\n");

        int status = run("--recipe", recipe.toString(), "--mm-per-pixel", "0.025", ring("d.png", 400, 200, 5).toString());

        assertThat(status).isEqualTo(2);
        assertThat(stderr.toString(StandardCharsets.UTF_8)).contains(recipe + ": features.od: unknown feature type");
        assertThat(stdout.size()).isZero();
    }

    private Path ring(String name, double outerPx, double borePx, long seed) throws IOException {
        RingRenderer.Scene scene = new RingRenderer.Scene(640, 512, 321.7, 255.2, outerPx, borePx, 1.1, 3, 210, 25,
                0.1, 0.05, seed);
        Path file = dir.resolve(name);
        ImageIO.write(GreyImages.toBufferedImage(RingRenderer.render(scene)), "png", file.toFile());
        return file;
    }

    private int run(String... args) {
        stdout.reset();
        stderr.reset();
        MeasureCommand command = new MeasureCommand();
        command.out = new PrintStream(stdout, true, StandardCharsets.UTF_8);
        command.err = new PrintStream(stderr, true, StandardCharsets.UTF_8);
        return new CommandLine(command).execute(args);
    }
}
