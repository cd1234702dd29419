package io.cncvision.vision.gauge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.cncvision.vision.render.RingRenderer;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Image files as the gauge reads them: 8-bit, 16-bit and colour measure alike; bad files are named for what they are. */
class GreyImagesTest {

    @TempDir
    Path dir;

    private static final RingRenderer.Scene SCENE = new RingRenderer.Scene(400, 320, 200.3, 160.7, 250, 120, 1.0, 2,
            210, 25, 0.1, 0, 11);

    @Test
    void sixteenBitAndColourFilesMeasureLikeTheEightBitOne() throws Exception {
        GreyImage grey = RingRenderer.render(SCENE);
        BufferedImage wide = new BufferedImage(grey.width(), grey.height(), BufferedImage.TYPE_USHORT_GRAY);
        BufferedImage colour = new BufferedImage(grey.width(), grey.height(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < grey.height(); y++) {
            for (int x = 0; x < grey.width(); x++) {
                int v = grey.at(x, y);
                wide.getRaster().setSample(x, y, 0, v * 257);
                colour.setRGB(x, y, v << 16 | v << 8 | v);
            }
        }
        ImageIO.write(wide, "png", dir.resolve("wide.png").toFile());
        ImageIO.write(colour, "png", dir.resolve("colour.png").toFile());

        double expected = new RingGauge().measure(grey).outerDiameterPx();

        assertThat(GreyImages.read(dir.resolve("wide.png")).pixels()).isEqualTo(grey.pixels());
        assertThat(GreyImages.read(dir.resolve("colour.png")).pixels()).isEqualTo(grey.pixels());
        assertThat(new RingGauge().measure(GreyImages.read(dir.resolve("colour.png"))).outerDiameterPx())
                .isCloseTo(expected, within(1e-9));
    }

    @Test
    void refusesEmptyNonImageAndTruncatedFilesSayingWhich() throws Exception {
        Path good = dir.resolve("good.png");
        ImageIO.write(GreyImages.toBufferedImage(RingRenderer.render(SCENE)), "png", good.toFile());
        byte[] bytes = Files.readAllBytes(good);
        Path truncated = Files.write(dir.resolve("truncated.png"), Arrays.copyOf(bytes, bytes.length / 2));
        Path empty = Files.createFile(dir.resolve("empty.png"));
        Path text = Files.writeString(dir.resolve("text.png"), "hello");

        assertThatThrownBy(() -> GreyImages.read(empty)).hasMessage("empty file");
        assertThatThrownBy(() -> GreyImages.read(text)).hasMessageContaining("not an image");
        assertThatThrownBy(() -> GreyImages.read(truncated)).hasMessageContaining("truncated");
    }
}
