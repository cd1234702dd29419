package io.cncvision.app.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.cncvision.app.security.Role;
import io.cncvision.vision.render.PartFrame;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A camera configured under {@code cncvision.vision}: a frame of a part lands in its folder, and the
 * platform gauges it, reads its serial, judges its face with the committed defect model, stores the
 * image and records the inspection on the part and the measurement on its characteristic.
 */
class CameraInspectionTest {

    @TempDir
    Path dataDir;

    @Test
    void aFrameInTheCamerasFolderBecomesTheInspectionOfThePartItShows() throws Exception {
        Path spool = Files.createDirectories(dataDir.resolve("spool"));
        Path model = Path.of("../models/neu-det").toAbsolutePath();
        try (RunningPlatform platform = RunningPlatform.start(dataDir,
                "--cncvision.vision.cameras[0].id=cam-1",
                "--cncvision.vision.cameras[0].source=folder",
                "--cncvision.vision.cameras[0].location=" + spool,
                "--cncvision.vision.cameras[0].offline-after=10m",
                "--cncvision.vision.characteristics.bore-diameter=pn1234-bore",
                "--cncvision.vision.inspection.recipe=ring",
                "--cncvision.vision.inspection.mm-per-pixel=0.03",
                "--cncvision.vision.inspection.calibration-id=cam-1-2026-11-25",
                "--cncvision.vision.inspection.code-region=40,40,200,200",
                "--cncvision.vision.inspection.model=" + model,
                "--cncvision.vision.inspection.surface-region=1040,784,200,200")) {
            String engineer = platform.token("erin", Role.QUALITY_ENGINEER, Role.QUALITY_MANAGER);
            assertThat(platform.post("/api/v1/machines", engineer,
                    "{\"machineId\": \"lathe-1\", \"name\": \"Lathe 1\", \"protocol\": \"manual\"}").statusCode())
                    .isIn(200, 201);
            assertThat(platform.post("/api/v1/characteristics", engineer, """
                    {"characteristicId": "pn1234-bore", "partNumber": "PN-1234", "name": "Bore diameter", "unit": "mm",
                     "nominal": 12.0, "lsl": 11.98, "usl": 12.02, "subgroupSize": 1, "chart": "imr"}
                    """).statusCode()).isEqualTo(201);
            assertThat(platform.post("/api/v1/parts", platform.token("lathe-1", Role.MACHINE), """
                    {"serial": "SN-000417", "partNumber": "PN-1234", "machineId": "lathe-1", "program": "O1234",
                     "sourceMessageId": "lathe-1/cycle/417"}
                    """).statusCode()).isIn(200, 201);

            BufferedImage frame = PartFrame.render(20.012, 12.004, 0.03, "SN-000417", null, 3);
            Path written = spool.resolve("part-417.png.tmp");
            ImageIO.write(frame, "png", written.toFile());
            Files.move(written, spool.resolve("part-417.png"));

            JsonNode inspection = await().atMost(Duration.ofSeconds(30)).until(() -> {
                JsonNode part = platform.getJson("/api/v1/parts/SN-000417", engineer);
                return part.path("inspections").size() == 1 ? part.path("inspections").get(0) : null;
            }, node -> node != null);
            assertThat(inspection.path("result").asText()).isEqualTo("PASS");
            assertThat(inspection.path("gaugeId").asText()).isEqualTo("cam-1");
            assertThat(inspection.path("calibrationId").asText()).isEqualTo("cam-1-2026-11-25");
            assertThat(inspection.path("imageSha256").asText()).hasSize(64);
            assertThat(inspection.path("modelSha256").asText()).hasSize(64);
            assertThat(inspection.path("measurements")).hasSize(2);
            JsonNode image = inspection.path("imageSha256");
            String sha = image.asText();
            assertThat(dataDir.resolve("images").resolve(sha.substring(0, 2))).isDirectory();

            JsonNode chart = await().atMost(Duration.ofSeconds(30)).until(
                    () -> platform.getJson("/api/v1/spc/pn1234-bore/chart", engineer), c -> c.path("points").size() == 1);
            assertThat(chart.at("/points/0/mean").asDouble()).isCloseTo(12.004, within(0.0015));
        }
    }
}
