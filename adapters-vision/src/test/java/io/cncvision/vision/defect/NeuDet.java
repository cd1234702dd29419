package io.cncvision.vision.defect;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** Where the tests find the NEU surface-defect images and the committed model. */
final class NeuDet {

    /** {@code ../shared/data} beside the checkout, as the other vision tests use it; {@code cncvision.data} overrides. */
    static Path images() {
        String override = System.getProperty("cncvision.neu-det");
        Path dir = override != null ? Path.of(override) : Path.of("../../shared/data/vision/neu-det-train");
        Assumptions.assumeTrue(Files.isDirectory(dir), "NEU-DET images not found at " + dir.toAbsolutePath());
        return dir;
    }

    /** The model trained by {@code cncvision vision train --data .../neu-det-train --out models/neu-det}. */
    static Path committedModel() {
        return Path.of("../models/neu-det");
    }

    private NeuDet() {
    }
}
