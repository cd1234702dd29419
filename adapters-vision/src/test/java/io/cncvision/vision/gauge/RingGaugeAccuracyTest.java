package io.cncvision.vision.gauge;

import static org.assertj.core.api.Assertions.assertThat;

import io.cncvision.vision.render.RingFamily;
import io.cncvision.vision.render.RingRenderer;
import java.io.IOException;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The accuracy target, mean absolute diameter error at most 0.05 px and the largest at most
 * 0.15 px, on the twelve samples and on rings rendered with seeds the gauge was never tuned on.
 */
class RingGaugeAccuracyTest {

    private final RingGauge gauge = new RingGauge();

    @Test
    void measuresTheSampleRingsWithinTheTarget() throws Exception {
        Errors errors = new Errors();
        for (SampleRings.Sample sample : SampleRings.all()) {
            RingMeasurement m = gauge.measure(GreyImages.read(sample.file()));
            errors.add(m.outerDiameterPx() - sample.outerDiameterPx());
            errors.add(m.boreDiameterPx() - sample.boreDiameterPx());
            System.out.printf(Locale.ROOT, "%s od %+.4f id %+.4f centre %+.3f %+.3f sigma %.3f/%.3f truth %.3f%n",
                    sample.file().getFileName(), m.outerDiameterPx() - sample.outerDiameterPx(),
                    m.boreDiameterPx() - sample.boreDiameterPx(), m.outer().centreX() - sample.centreX(),
                    m.outer().centreY() - sample.centreY(), m.outerEdgeSigmaPx(), m.boreEdgeSigmaPx(),
                    sample.blurSigmaPx());
        }
        System.out.println("samples: " + errors);
        assertThat(errors.mean()).isLessThanOrEqualTo(0.05);
        assertThat(errors.max).isLessThanOrEqualTo(0.15);
    }

    @Test
    void measuresFreshRendersAcrossTheFamilyWithinTheTarget() throws Exception {
        Errors errors = new Errors();
        for (long seed = 1_000_003; seed < 1_000_003 + Integer.getInteger("rings.renders", 200); seed++) {
            RingRenderer.Scene scene = RingFamily.scene(1280, 1024, seed);
            RingMeasurement m = gauge.measure(RingRenderer.render(scene));
            double od = m.outerDiameterPx() - scene.outerDiameterPx();
            double id = m.boreDiameterPx() - scene.boreDiameterPx();
            errors.add(od);
            errors.add(id);
            if (Math.abs(od) > 0.08 || Math.abs(id) > 0.08) {
                System.out.printf(Locale.ROOT, "seed %d od %.1f %+.4f id %.1f %+.4f blur %.2f noise %.2f%n", seed,
                        scene.outerDiameterPx(), od, scene.boreDiameterPx(), id, scene.blurSigmaPx(),
                        scene.noiseSigma());
            }
        }
        System.out.println("renders: " + errors);
        assertThat(errors.mean()).isLessThanOrEqualTo(0.05);
        assertThat(errors.max).isLessThanOrEqualTo(0.15);
    }

    static final class Errors {
        int n;
        double sumAbs;
        double sum;
        double max;

        void add(double error) {
            n++;
            sum += error;
            sumAbs += Math.abs(error);
            max = Math.max(max, Math.abs(error));
        }

        double mean() {
            return sumAbs / n;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "n=%d diameters, mean abs %.4f px, max abs %.4f px, mean signed %+.4f px",
                    n, mean(), max, sum / n);
        }
    }
}
