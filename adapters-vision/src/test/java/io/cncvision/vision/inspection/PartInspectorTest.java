package io.cncvision.vision.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cncvision.api.part.InspectionMeasurement;
import io.cncvision.api.part.InspectionResult;
import io.cncvision.api.value.CalibrationId;
import io.cncvision.api.value.GaugeId;
import io.cncvision.vision.camera.Frame;
import io.cncvision.vision.code.PartIdentifier;
import io.cncvision.vision.code.SerialFallback;
import io.cncvision.vision.defect.DefectClassifier;
import io.cncvision.vision.defect.ModelMetadata;
import io.cncvision.vision.gauge.RecipeGauge;
import io.cncvision.vision.gauge.Recipes;
import io.cncvision.vision.render.PartFrame;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A rendered part through the whole inspection: gauged, its serial read, its face judged; defects are real
 * NEU-DET images the committed model never trained on (its held-out files).
 */
class PartInspectorTest {

    static final Path MODEL = Path.of("../models/neu-det");
    static final Path NEU = Path.of("../../shared/data/vision/neu-det-train");
    static final double MM_PER_PIXEL = 0.03;
    static final GaugeId CAMERA = GaugeId.of("cam-1");

    static DefectClassifier classifier;
    static PartInspector inspector;

    @BeforeAll
    static void load() throws Exception {
        classifier = DefectClassifier.load(MODEL);
        inspector = new PartInspector(new PartInspector.Settings(
                new RecipeGauge(Recipes.byNameOrFile("ring"), MM_PER_PIXEL),
                new PartIdentifier(SerialFallback.NONE, PartFrame.CODE_REGION), classifier, PartFrame.SURFACE_REGION,
                PartInspector.DEFAULT_TEXTURE_THRESHOLD, new CalibrationId("cam-1-2026-11-25")), null);
    }

    @AfterAll
    static void close() {
        classifier.close();
    }

    static Frame frame(BufferedImage image, long n) {
        return new Frame(CAMERA, n, "frame-" + n, Instant.parse("2026-11-25T08:00:00Z").plusSeconds(n), image);
    }

    @Test
    void aGoodPartIsMeasuredIdentifiedAndPasses() throws Exception {
        BufferedImage image = PartFrame.render(20.012, 12.004, MM_PER_PIXEL, "SN-000417", null, 5);

        InspectedPart part = inspector.inspect(frame(image, 1));

        assertThat(part.verdict()).isEqualTo(InspectionResult.PASS);
        assertThat(part.serial().value()).isEqualTo("SN-000417");
        assertThat(part.defects()).isEmpty();
        Map<String, Double> values = new LinkedHashMap<>();
        part.measurements().forEach(m -> values.put(m.feature(), m.value()));
        // 0.05 px at 0.03 mm a pixel is 0.0015 mm
        assertThat(values.get("outer-diameter")).isCloseTo(20.012, within(0.0015));
        assertThat(values.get("bore-diameter")).isCloseTo(12.004, within(0.0015));
        assertThat(part.measurements()).extracting(InspectionMeasurement::unit).containsOnly("mm");
        assertThat(part.calibrationId().value()).isEqualTo("cam-1-2026-11-25");
        assertThat(part.modelSha256().value()).isEqualTo(classifier.modelSha256());
    }

    @Test
    void aPartShowingADefectFailsAndTheDefectIsNamed() throws Exception {
        List<String> heldOut = ModelMetadata.read(MODEL).validationFiles();
        int named = 0;
        int tried = 0;
        for (String className : List.of("crazing", "inclusion", "patches", "pitted_surface", "rolled-in_scale",
                "scratches")) {
            List<String> files = heldOut.stream().filter(f -> f.startsWith(className + "/")).limit(4).toList();
            for (String file : files) {
                BufferedImage defect = ImageIO.read(Files.newInputStream(NEU.resolve(file)));
                BufferedImage image = PartFrame.render(20.0, 12.0, MM_PER_PIXEL, "SN-" + tried, defect, tried);
                InspectedPart part = inspector.inspect(frame(image, tried));
                assertThat(part.verdict()).as(file).isEqualTo(InspectionResult.FAIL);
                assertThat(part.defects()).as(file).hasSize(1);
                assertThat(part.measurements()).as(file).hasSize(2);
                named += part.defects().get(0).defectClass().equals(className) ? 1 : 0;
                tried++;
            }
        }
        assertThat(tried).isEqualTo(24);
        // the model names 287 of its 288 held-out images rightly
        assertThat(named).isGreaterThanOrEqualTo(23);
    }
}
