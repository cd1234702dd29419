package io.cncvision.app.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cncvision.api.value.GaugeId;
import io.cncvision.cnc.simulator.SimulatedLathe;
import io.cncvision.vision.camera.Frame;
import io.cncvision.vision.code.PartIdentifier;
import io.cncvision.vision.code.SerialFallback;
import io.cncvision.vision.gauge.RecipeGauge;
import io.cncvision.vision.gauge.Recipes;
import io.cncvision.vision.inspection.InspectedPart;
import io.cncvision.vision.inspection.PartInspector;
import io.cncvision.vision.render.PartFrame;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The simulated camera photographs the parts the simulated lathe makes, as they were made. */
class LatheCameraTest {

    record Photo(String serial, BufferedImage frame, double bore) {
    }

    @Test
    void eachPartMadeIsPhotographedWithItsBoreAndSerial() throws Exception {
        SimulatedLathe lathe = new SimulatedLathe(4, Instant.parse("2026-11-25T06:00:00Z"));
        List<Photo> photos = new ArrayList<>();
        LatheCamera camera = new LatheCamera(4, null, 0);
        camera.watch(lathe, (serial, frame) -> photos.add(new Photo(serial, frame, lathe.state().lastBore())));

        lathe.advance(SimulatedLathe.CYCLE.plus(SimulatedLathe.LOAD).multipliedBy(6));

        assertThat(photos).extracting(Photo::serial).startsWith("SIM4-000001", "SIM4-000002").hasSize(6);
        PartInspector inspector = new PartInspector(new PartInspector.Settings(
                new RecipeGauge(Recipes.byNameOrFile("ring"), LatheCamera.MM_PER_PIXEL),
                new PartIdentifier(SerialFallback.NONE, PartFrame.CODE_REGION), null, null, 8, null), null);
        for (Photo photo : photos) {
            InspectedPart part = inspector.inspect(new Frame(GaugeId.of("cam-1"), 1, photo.serial(), Instant.now(),
                    photo.frame()));
            assertThat(part.serial().value()).isEqualTo(photo.serial());
            double bore = part.measurements().stream().filter(m -> m.feature().equals("bore-diameter")).findFirst()
                    .orElseThrow().value();
            // 0.05 px at 0.05 mm a pixel
            assertThat(bore).isCloseTo(photo.bore(), within(0.0025));
        }
    }

    @Test
    void aShareOfThePartsShowsADefectFromTheFolder() throws Exception {
        aShareOfThePartsShowsADefect(5, Path.of("../../shared/data/vision/neu-det-train/scratches"));
    }

    @Test
    void withoutDefectImagesAShareOfThePartsShowsDrawnScratches() throws Exception {
        aShareOfThePartsShowsADefect(6, null);
    }

    /** About half the parts show a defect on their face, and the others a plain face. */
    private static void aShareOfThePartsShowsADefect(long seed, Path defects) throws Exception {
        SimulatedLathe lathe = new SimulatedLathe(seed, Instant.parse("2026-11-25T06:00:00Z"));
        LatheCamera camera = new LatheCamera(seed, defects, 0.5);
        List<BufferedImage> frames = new ArrayList<>();
        camera.watch(lathe, (serial, frame) -> frames.add(frame));
        lathe.advance(Duration.ofMinutes(10));

        long withDefect = frames.stream().filter(frame -> spread(frame) > 8).count();
        assertThat(frames).hasSizeGreaterThan(20);
        assertThat(withDefect).isBetween(frames.size() / 5L, frames.size() * 4L / 5);
        assertThat(frames.stream().filter(frame -> spread(frame) < 4).count()).isEqualTo(frames.size() - withDefect);
    }

    private static double spread(BufferedImage frame) {
        var r = PartFrame.SURFACE_REGION;
        double sum = 0;
        double squares = 0;
        int n = r.width * r.height;
        for (int y = r.y; y < r.y + r.height; y++) {
            for (int x = r.x; x < r.x + r.width; x++) {
                int v = frame.getRaster().getSample(x, y, 0);
                sum += v;
                squares += (double) v * v;
            }
        }
        double mean = sum / n;
        return Math.sqrt(squares / n - mean * mean);
    }
}
