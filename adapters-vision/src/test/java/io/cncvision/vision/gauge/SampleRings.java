package io.cncvision.vision.gauge;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The twelve backlit ring samples of {@code ../shared/data/vision/rings-sample} with their truth. */
public final class SampleRings {

    /** One row of {@code truth.csv}, diameters converted to pixels. */
    public record Sample(Path file, double mmPerPixel, double outerDiameterPx, double boreDiameterPx, double centreX,
                         double centreY, double blurSigmaPx, double noiseSigma) {
    }

    private SampleRings() {
    }

    /** The samples; skips the test when the folder is absent. */
    public static List<Sample> all() {
        Path dir = null;
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            Path candidate = d.resolveSibling("shared").resolve("data/vision/rings-sample");
            if (Files.isRegularFile(candidate.resolve("truth.csv"))) {
                dir = candidate;
                break;
            }
        }
        assumeTrue(dir != null, "../shared/data/vision/rings-sample is not present: test skipped");
        Path folder = dir;
        try {
            return Files.readAllLines(dir.resolve("truth.csv")).stream().skip(1).filter(l -> !l.isBlank()).map(l -> {
                String[] c = l.split(",");
                double mpp = Double.parseDouble(c[1]);
                return new Sample(folder.resolve(c[0]), mpp, Double.parseDouble(c[2]) / mpp,
                        Double.parseDouble(c[3]) / mpp, Double.parseDouble(c[4]), Double.parseDouble(c[5]),
                        Double.parseDouble(c[6]), Double.parseDouble(c[7]));
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
