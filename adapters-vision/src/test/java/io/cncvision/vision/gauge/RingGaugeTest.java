package io.cncvision.vision.gauge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.cncvision.vision.render.RingRenderer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The ring gauge at the corners of the family, with a flaw on an edge, and with nothing to measure. */
class RingGaugeTest {

    private final RingGauge gauge = new RingGauge();

    @Test
    void measuresEveryCornerOfTheFamilyWithinTheLargestError() throws Exception {
        for (double outerShare : new double[] {0.30, 0.90}) {
            for (double boreShare : new double[] {0.30, 0.80}) {
                for (double blur : new double[] {0.5, 2.0}) {
                    double od = 1024 * outerShare;
                    RingRenderer.Scene scene = new RingRenderer.Scene(1280, 1024, 640.37, 511.81, od, od * boreShare,
                            blur, 5, 200, 40, 0.25 * Math.cos(2), 0.25 * Math.sin(2), 31);
                    RingMeasurement m = gauge.measure(RingRenderer.render(scene));
                    assertThat(m.outerDiameterPx()).as("outer, %s", scene).isCloseTo(od, within(0.15));
                    assertThat(m.boreDiameterPx()).as("bore, %s", scene).isCloseTo(od * boreShare, within(0.15));
                }
            }
        }
    }

    @Test
    void burrOnTheOuterEdgeAndDustInTheBoreDoNotMoveTheCircles() throws Exception {
        RingRenderer.Scene scene = new RingRenderer.Scene(1280, 1024, 600.2, 500.6, 700, 400, 1.2, 3, 210, 25, 0.1,
                0.1, 5);
        GreyImage image = RingRenderer.render(scene);
        byte[] pixels = image.pixels().clone();
        // a dark burr 6 px proud of the outer edge over 40 px of arc, and a dust speck on the bore edge
        paint(pixels, image.width(), 600.2 + 350, 500.6, 6, 20, (byte) 25);
        paint(pixels, image.width(), 600.2, 500.6 - 200, 4, 4, (byte) 25);
        GreyImage flawed = new GreyImage(image.width(), image.height(), pixels);

        RingMeasurement clean = gauge.measure(image);
        RingMeasurement m = gauge.measure(flawed);

        assertThat(m.outerDiameterPx()).isCloseTo(clean.outerDiameterPx(), within(0.02));
        assertThat(m.boreDiameterPx()).isCloseTo(clean.boreDiameterPx(), within(0.02));
        assertThat(m.outerDiameterPx()).isCloseTo(700, within(0.05));
    }

    @Test
    void codeLabelBesideTheRingDoesNotPullTheSearch() throws Exception {
        RingRenderer.Scene scene = new RingRenderer.Scene(1280, 1024, 900.4, 512.3, 400, 130, 1.2, 3, 210, 25, 0.1,
                0, 9);
        GreyImage image = RingRenderer.render(scene);
        byte[] pixels = image.pixels().clone();
        // a 32 x 32 module matrix code, 8 px modules, solid finder edges: enough dark area to pull a plain
        // centroid of the dark pixels out of the bore
        for (int my = 0; my < 32; my++) {
            for (int mx = 0; mx < 32; mx++) {
                if (mx == 0 || my == 31 || (mx * 7 + my * 13) % 2 == 0) {
                    paint(pixels, image.width(), 60 + 8 * mx, 380 + 8 * my, 4, 4, (byte) 20);
                }
            }
        }

        RingMeasurement m = gauge.measure(new GreyImage(image.width(), image.height(), pixels));

        assertThat(m.outerDiameterPx()).isCloseTo(400, within(0.05));
        assertThat(m.boreDiameterPx()).isCloseTo(130, within(0.05));
    }

    @Test
    void blankImageHasNoRing() {
        byte[] pixels = new byte[320 * 240];
        Arrays.fill(pixels, (byte) 200);

        assertThatThrownBy(() -> gauge.measure(new GreyImage(320, 240, pixels))).isInstanceOf(GaugeException.class);
    }

    @Test
    void discWithoutBoreIsRefusedNamingTheBore() {
        RingRenderer.Scene scene = new RingRenderer.Scene(640, 512, 320, 256, 300, 0, 1, 2, 210, 25, 0, 0, 3);

        assertThatThrownBy(() -> gauge.measure(RingRenderer.render(scene))).isInstanceOf(GaugeException.class)
                .hasMessageContaining("bore");
    }

    /** A rectangle of half-width {@code hx} and half-height {@code hy} at {@code (cx, cy)}. */
    private static void paint(byte[] pixels, int width, double cx, double cy, int hx, int hy, byte value) {
        for (int y = (int) cy - hy; y <= (int) cy + hy; y++) {
            for (int x = (int) cx - hx; x <= (int) cx + hx; x++) {
                pixels[y * width + x] = value;
            }
        }
    }
}
