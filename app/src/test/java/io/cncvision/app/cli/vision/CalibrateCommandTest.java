package io.cncvision.app.cli.vision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cncvision.vision.calibration.CalibrationTarget;
import io.cncvision.vision.render.TargetRenderer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code cncvision vision calibrate} on rendered views of a known camera: the figures as the API takes them. */
class CalibrateCommandTest {

    static final double MM_PER_PIXEL = 0.04;
    static final String TARGET = "chessboard:7x5:1.5";

    @TempDir
    static Path dir;

    static Path plane;
    static List<Path> views = new ArrayList<>();

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private final ObjectMapper mapper = new ObjectMapper();

    @BeforeAll
    static void renderAKnownCamerasViews() throws IOException {
        TargetRenderer.CalibrationViews set = TargetRenderer.calibrationViews(640, 480, MM_PER_PIXEL,
                CalibrationTarget.parse(TARGET), 5);
        for (int i = 0; i < set.views().size(); i++) {
            views.add(png("view-" + i + ".png", set.views().get(i)));
        }
        plane = png("plane.png", set.workingPlane());
    }

    @Test
    void printsTheFiguresAsTheJsonBodyTheApiTakes() throws IOException {
        int status = run(args("--target", TARGET, "--plane", plane.toString(), "--calibration-id", "cam-1-2026-11-25"));

        assertThat(status).isZero();
        assertThat(stderr.size()).isZero();
        String[] lines = stdout.toString(StandardCharsets.UTF_8).strip().split("\n");
        assertThat(lines).hasSize(1);
        JsonNode json = mapper.readTree(lines[0]);
        assertThat(json.get("calibrationId").asText()).isEqualTo("cam-1-2026-11-25");
        assertThat(json.get("cameraMatrix")).hasSize(9);
        assertThat(json.get("cameraMatrix").get(0).asDouble()).isCloseTo(1.2 * 640, within(1.2 * 640 * 0.005));
        assertThat(json.get("distortionCoefficients")).hasSize(5);
        assertThat(json.get("mmPerPixel").asDouble()).isCloseTo(MM_PER_PIXEL, within(MM_PER_PIXEL * 0.002));
        assertThat(json.get("rmsReprojectionErrorPx").asDouble()).isLessThan(0.1);
        assertThat(json.get("imageCount").asInt()).isEqualTo(5);
        assertThat(json.get("imageWidth").asInt()).isEqualTo(640);
        assertThat(json.get("imageHeight").asInt()).isEqualTo(480);
        assertThat(json.get("viewsFound").asInt()).isEqualTo(5);
        assertThat(json.get("viewsGiven").asInt()).isEqualTo(5);
    }

    @Test
    void leavesTheCalibrationIdOutUnlessGiven() throws IOException {
        int status = run(args("--target", TARGET, "--plane", plane.toString()));

        assertThat(status).isZero();
        assertThat(mapper.readTree(stdout.toByteArray()).has("calibrationId")).isFalse();
    }

    @Test
    void namesAFileThatIsNotAnImageUsesTheOthersAndExits2() throws IOException {
        Path notes = Files.writeString(dir.resolve("notes.png"), "not an image\n");
        List<String> arguments = args("--target", TARGET, "--plane", plane.toString());
        arguments.add(2, notes.toString());

        int status = run(arguments);

        assertThat(status).isEqualTo(2);
        assertThat(stderr.toString(StandardCharsets.UTF_8)).contains(notes + ": not an image");
        JsonNode json = mapper.readTree(stdout.toByteArray());
        assertThat(json.get("viewsFound").asInt()).isEqualTo(5);
        assertThat(json.get("viewsGiven").asInt()).isEqualTo(6);
        assertThat(json.get("mmPerPixel").asDouble()).isCloseTo(MM_PER_PIXEL, within(MM_PER_PIXEL * 0.002));
    }

    @Test
    void saysWhyNoCalibrationCouldBeMadeAndExits2() {
        // The target's spec names another board than the views show: it is found in none of them.
        int status = run(List.of("--target", "chessboard:9x6:1.5", "--plane", plane.toString(), views.get(0).toString(),
                views.get(1).toString(), views.get(2).toString()));

        assertThat(status).isEqualTo(2);
        assertThat(stderr.toString(StandardCharsets.UTF_8))
                .contains("was found in 0 of 3 views; at least 3 are needed; no calibration made");
        assertThat(stdout.size()).isZero();
    }

    @Test
    void refusesABadTargetSpecNamingTheForm() {
        int status = run(List.of("--target", "chessboard:9x6", "--plane", plane.toString(), views.get(0).toString()));

        assertThat(status).isEqualTo(2);
        assertThat(stderr.toString(StandardCharsets.UTF_8)).contains("target 'chessboard:9x6' is not chessboard:COLUMNSxROWS:SQUARE_MM");
        assertThat(stdout.size()).isZero();
    }

    private static List<String> args(String... options) {
        List<String> arguments = new ArrayList<>(List.of(options));
        views.forEach(view -> arguments.add(view.toString()));
        return arguments;
    }

    private static Path png(String name, BufferedImage image) throws IOException {
        Path file = dir.resolve(name);
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    private int run(List<String> arguments) {
        stdout.reset();
        stderr.reset();
        CalibrateCommand command = new CalibrateCommand();
        command.out = new PrintStream(stdout, true, StandardCharsets.UTF_8);
        command.err = new PrintStream(stderr, true, StandardCharsets.UTF_8);
        return new CommandLine(command).execute(arguments.toArray(String[]::new));
    }
}
