package io.cncvision.bench;

import io.cncvision.api.value.CalibrationId;
import io.cncvision.api.value.GaugeId;
import io.cncvision.vision.camera.Frame;
import io.cncvision.vision.code.PartIdentifier;
import io.cncvision.vision.code.SerialFallback;
import io.cncvision.vision.defect.DefectClassifier;
import io.cncvision.vision.gauge.RecipeGauge;
import io.cncvision.vision.gauge.Recipes;
import io.cncvision.vision.inspection.InspectedPart;
import io.cncvision.vision.inspection.PartInspector;
import io.cncvision.vision.render.PartFrame;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Measure + read code + classify, one thread: a 1280x1024 frame of a part (the simulated camera's
 * rendering) through {@link PartInspector}: the ring gauged, the DataMatrix serial read from its region,
 * the face judged and, on the frames that show a defect (one in four, real NEU-DET images), classified
 * by the committed model. Image storage is left out (the platform stores images after the verdict).
 * Sample-time mode gives the percentiles.
 *
 * <p>Run from the repository root: {@code java -cp <bench classpath> org.openjdk.jmh.Main PartInspection}.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class PartInspectionBenchmark {

    @Param("models/neu-det")
    public String model;

    private DefectClassifier classifier;
    private PartInspector inspector;
    private final List<Frame> frames = new ArrayList<>();
    private int next;

    @Setup(Level.Trial)
    public void renderFrames() throws Exception {
        classifier = DefectClassifier.load(Path.of(model));
        inspector = new PartInspector(new PartInspector.Settings(new RecipeGauge(Recipes.byNameOrFile("ring"), 0.03),
                new PartIdentifier(SerialFallback.NONE, PartFrame.CODE_REGION), classifier, PartFrame.SURFACE_REGION,
                PartInspector.DEFAULT_TEXTURE_THRESHOLD, new CalibrationId("bench")), null);
        List<Path> defects;
        try (Stream<Path> files = Files.list(Path.of("../shared/data/vision/neu-det-train/scratches"))) {
            defects = files.sorted().limit(4).toList();
        }
        for (int i = 0; i < 16; i++) {
            BufferedImage defect = i % 4 == 3 ? ImageIO.read(defects.get(i / 4).toFile()) : null;
            BufferedImage image = PartFrame.render(18 + 0.25 * i, 10 + 0.1 * i, 0.03, "SN-" + (100000 + i), defect, i);
            frames.add(new Frame(GaugeId.of("bench"), i, "frame-" + i, Instant.now(), image));
        }
    }

    @Benchmark
    public InspectedPart inspect() throws Exception {
        Frame frame = frames.get(next);
        next = (next + 1) % frames.size();
        return inspector.inspect(frame);
    }

    @TearDown(Level.Trial)
    public void close() {
        classifier.close();
    }
}
