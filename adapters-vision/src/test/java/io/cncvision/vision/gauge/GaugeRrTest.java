package io.cncvision.vision.gauge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The ANOVA gauge R&R arithmetic against a hand-checked study. */
class GaugeRrTest {

    @Test
    void separatesRepeatabilityOperatorAndPartVariation() {
        // 2 parts (10, 20) x 2 operators (second reads +1) x 2 trials (+-0.5)
        double[][][] x = {{{9.5, 10.5}, {10.5, 11.5}}, {{19.5, 20.5}, {20.5, 21.5}}};

        GaugeRr rr = GaugeRr.anova(x, 12);

        // MSe = 0.5; MSo = 4 * 0.25 * 2 / 1 = 2; MSint = 0; MSp = 4 * 25 * 2 = 200
        assertThat(rr.repeatability()).isCloseTo(Math.sqrt(0.5), within(1e-12));
        assertThat(rr.reproducibility()).isCloseTo(Math.sqrt(2.0 / 4), within(1e-12));
        assertThat(rr.partVariation()).isCloseTo(Math.sqrt(200.0 / 4), within(1e-12));
        assertThat(rr.grr()).isCloseTo(1.0, within(1e-12));
        assertThat(rr.percentOfTolerance()).isCloseTo(50, within(1e-9));
        assertThat(rr.percentOfTotalVariation()).isCloseTo(100 / Math.sqrt(51), within(1e-9));
    }
}
