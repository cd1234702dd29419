package io.cncvision.vision.render;

import io.cncvision.vision.gauge.GaugeException;
import io.cncvision.vision.gauge.GaugeRr;
import io.cncvision.vision.gauge.RingGauge;
import io.cncvision.vision.gauge.RingMeasurement;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A gauge R&R study of the ring gauge on rendered rings, AIAG crossed design: 10 parts of one
 * nominal size spread across the tolerance, 3 "operators" that are 3 set-ups of the station (lens
 * focus, lamp brightness and gradient), 3 trials that are re-loadings of the part (a few pixels'
 * shift, a new noise pattern, the focus varying slightly). Run it:
 * {@code java -cp adapters-vision/target/classes io.cncvision.vision.render.RenderedRingStudy [seed]}.
 */
public final class RenderedRingStudy {

    public static final int PARTS = 10;
    public static final int OPERATORS = 3;
    public static final int TRIALS = 3;
    /** 15 mm ring, 9 mm bore, at 0.025 mm/px; tolerance +-0.05 mm, i.e. 4 px wide. */
    public static final double OUTER_NOMINAL_PX = 600;
    public static final double BORE_NOMINAL_PX = 360;
    public static final double TOLERANCE_PX = 4;

    /** The outer-diameter and bore-diameter studies, in pixels. */
    public record Result(GaugeRr outer, GaugeRr bore) {
    }

    private RenderedRingStudy() {
    }

    public static Result run(long seed) throws GaugeException {
        SplittableRandom random = new SplittableRandom(seed);
        // operator = station set-up: focus (blur sigma), lamp level, gradient
        double[][] setups = {{0.8, 200, 0.05, 0.0}, {1.3, 215, 0.12, 2.0}, {1.9, 225, 0.20, 4.0}};
        double[][][] outer = new double[PARTS][OPERATORS][TRIALS];
        double[][][] bore = new double[PARTS][OPERATORS][TRIALS];
        RingGauge gauge = new RingGauge();
        for (int part = 0; part < PARTS; part++) {
            // parts made across the tolerance, as AIAG asks of the sample
            double od = OUTER_NOMINAL_PX + TOLERANCE_PX * (part / (PARTS - 1.0) - 0.5);
            double id = BORE_NOMINAL_PX + TOLERANCE_PX * (random.nextDouble() - 0.5);
            for (int op = 0; op < OPERATORS; op++) {
                double[] s = setups[op];
                for (int trial = 0; trial < TRIALS; trial++) {
                    RingRenderer.Scene scene = new RingRenderer.Scene(1280, 1024,
                            640 + 3 * (random.nextDouble() - 0.5), 512 + 3 * (random.nextDouble() - 0.5), od, id,
                            s[0] + 0.05 * (random.nextDouble() - 0.5), 4, s[1], 25,
                            s[2] * Math.cos(s[3]), s[2] * Math.sin(s[3]), random.nextLong());
                    RingMeasurement m = gauge.measure(RingRenderer.render(scene));
                    outer[part][op][trial] = m.outerDiameterPx();
                    bore[part][op][trial] = m.boreDiameterPx();
                }
            }
        }
        return new Result(GaugeRr.anova(outer, TOLERANCE_PX), GaugeRr.anova(bore, TOLERANCE_PX));
    }

    public static void main(String[] args) throws GaugeException {
        Result result = run(args.length > 0 ? Long.parseLong(args[0]) : 20_260_105L);
        print("outer-diameter", result.outer());
        print("bore-diameter", result.bore());
    }

    static void print(String feature, GaugeRr rr) {
        System.out.printf(Locale.ROOT, "%s: EV %.4f px, AV %.4f px, GRR %.4f px, PV %.4f px, TV %.4f px; "
                        + "%%GRR %.2f %% of tolerance (%.0f px), %.2f %% of total variation; ndc %d%n", feature,
                rr.repeatability(), rr.reproducibility(), rr.grr(), rr.partVariation(), rr.totalVariation(),
                rr.percentOfTolerance(), TOLERANCE_PX, rr.percentOfTotalVariation(), rr.distinctCategories());
    }
}
