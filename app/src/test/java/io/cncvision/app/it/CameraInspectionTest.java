package io.cncvision.app.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.cncvision.app.security.Role;
import io.cncvision.vision.render.PartFrame;
import io.micrometer.core.instrument.MeterRegistry;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A camera configured under {@code cncvision.vision}: until it is calibrated its frames are counted and not
 * inspected; once its calibration is recorded, a frame of a part that lands in its folder is gauged with that
 * calibration, its serial read (or, with no code, taken from the cycle its machine just completed), its face
 * judged with the committed defect model, its image stored, and the inspection recorded on the part and the
 * measurement on the camera's characteristic.
 */
class CameraInspectionTest {

    private static final double MM_PER_PIXEL = 0.03;

    @TempDir
    Path dataDir;

    @Test
    void aCalibratedCamerasFramesBecomeTheInspectionsOfThePartsTheyShow() throws Exception {
        Path spool = Files.createDirectories(dataDir.resolve("spool"));
        Path model = Path.of("../models/neu-det").toAbsolutePath();
        try (RunningPlatform platform = RunningPlatform.start(dataDir,
                "--cncvision.vision.cameras[0].id=cam-1",
                "--cncvision.vision.cameras[0].source=folder",
                "--cncvision.vision.cameras[0].location=" + spool,
                "--cncvision.vision.cameras[0].offline-after=10m",
                "--cncvision.vision.cameras[0].machine=lathe-1",
                "--cncvision.vision.cameras[0].characteristics.bore-diameter=pn1234-bore",
                "--cncvision.vision.inspection.recipe=ring",
                "--cncvision.vision.inspection.code-region=40,40,200,200",
                "--cncvision.vision.inspection.model=" + model,
                "--cncvision.vision.inspection.surface-region=1040,784,200,200")) {
            String engineer = platform.token("erin", Role.QUALITY_ENGINEER, Role.QUALITY_MANAGER);
            String lathe = platform.token("lathe-1", Role.MACHINE);
            platform.lathe1WithItsBore(engineer, "SN-000416", "SN-000417", "SN-000418");

            // Not calibrated yet: the frame is counted, and nothing is recorded of the part.
            MeterRegistry meters = platform.context().getBean(MeterRegistry.class);
            await().atMost(Duration.ofSeconds(30)).until(
                    () -> platform.getJson("/api/v1/gauges/cam-1", engineer).path("kind").asText().equals("CAMERA"));
            assertThat(platform.getJson("/api/v1/gauges/cam-1", engineer).path("calibration").isNull()).isTrue();
            drop(spool, "part-416.png", PartFrame.render(20.0, 12.0, MM_PER_PIXEL, "SN-000416", null, 2));
            await().atMost(Duration.ofSeconds(30)).until(() -> uncalibrated(meters) == 1);

            assertThat(platform.post("/api/v1/gauges/cam-1/calibrations", engineer, """
                    {"calibrationId": "cam-1-2026-11-25",
                     "cameraMatrix": [4000, 0, 640, 0, 4000, 512, 0, 0, 1],
                     "distortionCoefficients": [0, 0, 0, 0, 0],
                     "mmPerPixel": %s, "rmsReprojectionErrorPx": 0.04, "imageCount": 12}
                    """.formatted(MM_PER_PIXEL)).statusCode()).isEqualTo(200);
            JsonNode calibration = await().atMost(Duration.ofSeconds(30)).until(
                    () -> platform.getJson("/api/v1/gauges/cam-1", engineer).path("calibration"),
                    node -> node.path("calibrationId").asText().equals("cam-1-2026-11-25"));
            assertThat(calibration.path("calibratedBy").asText()).isEqualTo(platform.userId("erin"));
            assertThat(platform.getJson("/api/v1/gauges/cam-1/calibrations", engineer)).hasSize(1);
            // The pipeline looks the calibration up again within a few seconds.
            Thread.sleep(2500);

            drop(spool, "part-417.png", PartFrame.render(20.012, 12.004, MM_PER_PIXEL, "SN-000417", null, 3));
            JsonNode inspection = inspectionOf(platform, engineer, "SN-000417");
            assertThat(inspection.path("result").asText()).isEqualTo("PASS");
            assertThat(inspection.path("gaugeId").asText()).isEqualTo("cam-1");
            assertThat(inspection.path("calibrationId").asText()).isEqualTo("cam-1-2026-11-25");
            assertThat(inspection.path("imageSha256").asText()).hasSize(64);
            assertThat(inspection.path("modelSha256").asText()).hasSize(64);
            assertThat(inspection.path("measurements")).hasSize(2);
            String sha = inspection.path("imageSha256").asText();
            assertThat(dataDir.resolve("images").resolve(sha.substring(0, 2))).isDirectory();
            JsonNode chart = await().atMost(Duration.ofSeconds(30)).until(
                    () -> platform.getJson("/api/v1/spc/pn1234-bore/chart", engineer), c -> c.path("points").size() == 1);
            assertThat(chart.at("/points/0/mean").asDouble()).isCloseTo(12.004, within(0.0015));

            // A part whose code is not marked is the one the camera's machine has just completed.
            assertThat(platform.post("/api/v1/machines/lathe-1/cycles", lathe, """
                    {"program": "O1234", "partSerial": "SN-000418", "sourceMessageId": "lathe-1/cycle-end/418"}
                    """).statusCode()).isEqualTo(200);
            drop(spool, "part-418.png", PartFrame.render(20.0, 11.996, MM_PER_PIXEL, null, null, 4));
            JsonNode fromCycle = inspectionOf(platform, engineer, "SN-000418");
            assertThat(fromCycle.path("calibrationId").asText()).isEqualTo("cam-1-2026-11-25");
            assertThat(platform.getJson("/api/v1/parts/SN-000416", engineer).path("inspections")).isEmpty();
        }
    }

    private static double uncalibrated(MeterRegistry meters) {
        var counter = meters.find("cncvision.vision.frames.uncalibrated").tag("camera", "cam-1").counter();
        return counter == null ? 0 : counter.count();
    }

    private static JsonNode inspectionOf(RunningPlatform platform, String token, String serial) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonNode part = platform.getJson("/api/v1/parts/" + serial, token);
            return part.path("inspections").size() == 1 ? part.path("inspections").get(0) : null;
        }, node -> node != null);
    }

    /** Writes the frame beside the folder's pattern, then moves it in whole, as a camera's FTP upload would. */
    private static void drop(Path spool, String name, BufferedImage frame) throws IOException {
        Path written = spool.resolve(name + ".tmp");
        ImageIO.write(frame, "png", written.toFile());
        Files.move(written, spool.resolve(name));
    }
}
