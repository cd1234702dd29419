package io.cncvision.bench;

import io.cncvision.vision.defect.DefectClassification;
import io.cncvision.vision.defect.DefectClassifier;
import io.cncvision.vision.defect.DefectImages;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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
 * Defect classification latency, one thread: one 200x200 NEU image, already decoded, through {@link
 * DefectClassifier} (reduce to the model's input, DJL, TensorFlow, softmax) with the committed model. Sample-time mode
 * gives the percentiles (p0.50, p0.99); {@code decodeAndClassify} adds reading the JPEG file.
 *
 * <p>Run from the repository root: {@code java -cp <bench classpath> org.openjdk.jmh.Main DefectClassify}
 * ({@code -p model=DIR -p image=FILE} to choose others).
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class DefectClassifyBenchmark {

    @Param("models/neu-det")
    public String model;

    /** Empty: the first image of the NEU data beside the checkout. */
    @Param("")
    public String image;

    private DefectClassifier classifier;
    private Path file;
    private BufferedImage decoded;

    @Setup(Level.Trial)
    public void loadModelAndImage() throws Exception {
        classifier = DefectClassifier.load(Path.of(model));
        if (image.isEmpty()) {
            try (Stream<Path> files = Files.list(Path.of("../shared/data/vision/neu-det-train/crazing"))) {
                file = files.sorted().findFirst().orElseThrow();
            }
        } else {
            file = Path.of(image);
        }
        decoded = DefectImages.read(file);
    }

    @TearDown(Level.Trial)
    public void close() {
        classifier.close();
    }

    @Benchmark
    public DefectClassification classify() {
        return classifier.classify(decoded);
    }

    @Benchmark
    public DefectClassification decodeAndClassify() throws Exception {
        return classifier.classify(file);
    }
}
