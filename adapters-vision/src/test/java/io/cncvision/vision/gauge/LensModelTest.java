package io.cncvision.vision.gauge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.bytedeco.opencv.global.opencv_calib3d.undistortPoints;
import static org.bytedeco.opencv.global.opencv_core.CV_32FC2;
import static org.bytedeco.opencv.global.opencv_core.CV_64F;

import io.cncvision.vision.render.RingRenderer;
import java.util.List;
import java.util.Random;
import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.javacpp.indexer.FloatIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;

/** The lens model against OpenCV's own undistortion, and in the ring gauge. */
class LensModelTest {

    private static final List<Double> MATRIX = List.of(2400.0, 0.0, 652.3, 0.0, 2395.0, 498.7, 0.0, 0.0, 1.0);
    private static final List<Double> BARREL = List.of(-0.21, 0.12, 0.0008, -0.0005, 0.0);

    @Test
    void movesPointsWhereOpenCvsUndistortPointsDoes() {
        Random random = new Random(7);
        int n = 200;
        double[] xs = new double[n];
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = random.nextDouble() * 1280;
            ys[i] = random.nextDouble() * 1024;
        }
        double[] openCv = openCvUndistort(xs, ys, MATRIX, BARREL);
        new LensModel(MATRIX, BARREL).undistort(xs, ys, n);
        for (int i = 0; i < n; i++) {
            assertThat(xs[i]).isCloseTo(openCv[2 * i], within(0.01));
            assertThat(ys[i]).isCloseTo(openCv[2 * i + 1], within(0.01));
        }
    }

    @Test
    void leavesPointsOfALensWithoutDistortionWhereTheyAre() {
        double[] xs = {0, 640, 1279.5};
        double[] ys = {0, 512, 1023.25};
        new LensModel(MATRIX, List.of(0.0, 0.0, 0.0, 0.0)).undistort(xs, ys, 3);
        assertThat(xs).containsExactly(new double[] {0, 640, 1279.5}, within(1e-9));
        assertThat(ys).containsExactly(new double[] {0, 512, 1023.25}, within(1e-9));
    }

    @Test
    void theRingGaugeMeasuresTheDiameterTheLensWouldHaveShownWithoutDistortion() throws Exception {
        // A ring centred on the principal point: barrel distortion shrinks it evenly, so its undistorted radius is
        // the seen radius pushed out by the inverse of the radial term.
        double cx = MATRIX.get(2);
        double cy = MATRIX.get(5);
        List<Double> radialOnly = List.of(-0.21, 0.12, 0.0, 0.0, 0.0);
        List<Double> squarePixels = List.of(2400.0, 0.0, cx, 0.0, 2400.0, cy, 0.0, 0.0, 1.0);
        RingRenderer.Scene scene = new RingRenderer.Scene(1280, 1024, cx, cy, 800, 400, 1.0, 2, 200, 40, 0, 0, 11);
        GreyImage image = RingRenderer.render(scene);
        RingMeasurement seen = new RingGauge().measure(image);
        RingMeasurement corrected = new RingGauge(RingSearch.ANYWHERE, new LensModel(squarePixels, radialOnly))
                .measure(image);
        for (double[] pair : new double[][] {{seen.outerDiameterPx(), corrected.outerDiameterPx()},
                {seen.boreDiameterPx(), corrected.boreDiameterPx()}}) {
            double expected = 2 * 2400 * undistortedRadius(pair[0] / 2 / 2400, -0.21, 0.12);
            assertThat(pair[1]).isCloseTo(expected, within(0.02));
            assertThat(pair[1]).isGreaterThan(pair[0] + 0.4);
        }
    }

    @Test
    void refusesModelsItCannotInvert() {
        assertThatThrownBy(() -> new LensModel(MATRIX, List.of(0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0,
                0.0))).hasMessageContaining("4, 5 or 8 distortion coefficients");
        assertThatThrownBy(() -> new LensModel(List.of(1.0, 2.0), BARREL)).hasMessageContaining("9 values");
    }

    // Solves r_d = r (1 + k1 r^2 + k2 r^4) for r by Newton's method.
    private static double undistortedRadius(double distorted, double k1, double k2) {
        double r = distorted;
        for (int i = 0; i < 50; i++) {
            double f = r * (1 + k1 * r * r + k2 * r * r * r * r) - distorted;
            double df = 1 + 3 * k1 * r * r + 5 * k2 * r * r * r * r;
            r -= f / df;
        }
        return r;
    }

    private static double[] openCvUndistort(double[] xs, double[] ys, List<Double> matrix, List<Double> distortion) {
        int n = xs.length;
        try (Mat points = new Mat(n, 1, CV_32FC2); Mat out = new Mat(); Mat k = new Mat(3, 3, CV_64F);
             Mat d = new Mat(1, distortion.size(), CV_64F); Mat noRotation = new Mat()) {
            try (FloatIndexer in = points.createIndexer(); DoubleIndexer ki = k.createIndexer();
                 DoubleIndexer di = d.createIndexer()) {
                for (int i = 0; i < n; i++) {
                    in.put(i, 0, 0, (float) xs[i]);
                    in.put(i, 0, 1, (float) ys[i]);
                }
                for (int i = 0; i < 9; i++) {
                    ki.put(i / 3, i % 3, matrix.get(i));
                }
                for (int i = 0; i < distortion.size(); i++) {
                    di.put(0, i, distortion.get(i));
                }
            }
            undistortPoints(points, out, k, d, noRotation, k);
            double[] xy = new double[2 * n];
            try (FloatIndexer result = out.createIndexer()) {
                for (int i = 0; i < n; i++) {
                    xy[2 * i] = result.get(i, 0, 0);
                    xy[2 * i + 1] = result.get(i, 0, 1);
                }
            }
            return xy;
        }
    }
}
