package io.cncvision.vision.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.cncvision.vision.render.TargetRenderer;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TargetCalibratorTest {

    static final double FX = 1150;
    static final double FY = 1148;
    static final double CX = 652.5;
    static final double CY = 471.25;
    static final double[] DISTORTION = {-0.11, 0.09, 0.0008, -0.0005, 0.0};
    static final double SQUARE_MM = 12.5;
    static final double WORKING_DISTANCE_MM = 460;

    static TargetRenderer board;
    static CameraCalibration calibration;

    @BeforeAll
    static void calibrateOnRenderedViews() {
        board = new TargetRenderer(1280, 960, FX, FY, CX, CY, DISTORTION, CalibrationTarget.chessboard(9, 6, SQUARE_MM));
        double[][] poses = POSES;
        List<BufferedImage> views = new ArrayList<>();
        for (double[] p : poses) {
            views.add(board.render(pose(p)));
        }
        BufferedImage workingPlane = board.render(WORKING_PLANE);
        calibration = new TargetCalibrator(CalibrationTarget.chessboard(9, 6, SQUARE_MM)).calibrate(views, workingPlane);
    }

    static final TargetRenderer.Pose WORKING_PLANE = new TargetRenderer.Pose(0, 0, 0, -50, -30, WORKING_DISTANCE_MM);

    static TargetRenderer.Pose pose(double[] p) {
        return new TargetRenderer.Pose(p[0], p[1], p[2], p[3], p[4], p[5]);
    }

    // Board 9x6 points 12.5 mm apart: about 125 x 87.5 mm, seen from 380-520 mm, tilted up to 30 degrees.
    static final double[][] POSES = {
                {0.00, 0.00, 0.00, -55, -40, 420}, {0.45, 0.00, 0.05, -50, -35, 400}, {-0.45, 0.05, -0.05, -60, -45, 430},
                {0.05, 0.50, 0.10, -70, -40, 420}, {0.00, -0.50, -0.10, -40, -40, 440}, {0.30, 0.30, 0.30, -20, -60, 380},
                {-0.30, -0.35, 0.50, -80, -10, 450}, {0.20, -0.25, -0.40, -110, -70, 520}, {-0.25, 0.30, 0.20, 0, -20, 480},
                {0.35, -0.10, 0.00, -110, 10, 470}, {-0.10, 0.40, -0.30, 10, -90, 500}, {0.15, 0.15, 1.20, -30, -75, 410}};

    @Test
    void recoversFocalLengthsAndPrincipalPoint() {
        assertThat(calibration.imageCount()).isEqualTo(12);
        assertThat(calibration.fx()).isCloseTo(FX, within(FX * 0.002));
        assertThat(calibration.fy()).isCloseTo(FY, within(FY * 0.002));
        assertThat(calibration.cx()).isCloseTo(CX, within(2.0));
        assertThat(calibration.cy()).isCloseTo(CY, within(2.0));
    }

    @Test
    void recoversLensDistortion() {
        List<Double> d = calibration.distortionCoefficients();
        assertThat(d).hasSize(5);
        // Compare what matters: where the lens puts a point far out where the board was seen, in pixels.
        double x = (1120 - CX) / FX;
        double y = (820 - CY) / FY;
        double[] truth = board.distort(x, y);
        double r2 = x * x + y * y;
        double radial = 1 + d.get(0) * r2 + d.get(1) * r2 * r2 + d.get(4) * r2 * r2 * r2;
        double ex = x * radial + 2 * d.get(2) * x * y + d.get(3) * (r2 + 2 * x * x);
        double ey = y * radial + d.get(2) * (r2 + 2 * y * y) + 2 * d.get(3) * x * y;
        assertThat(Math.hypot((ex - truth[0]) * FX, (ey - truth[1]) * FY)).isLessThan(0.5);
        assertThat(d.get(0)).isCloseTo(DISTORTION[0], within(0.01));
    }

    @Test
    void reprojectsTheCornersToWithinAFractionOfAPixel() {
        assertThat(calibration.rmsReprojectionErrorPx()).isLessThan(0.1);
    }

    @Test
    void measuresMillimetresPerPixelAtTheWorkingPlane() {
        double truth = WORKING_DISTANCE_MM / ((FX + FY) / 2);
        assertThat(calibration.mmPerPixel()).isCloseTo(truth, within(truth * 0.002));
    }

    @Test
    void leavesOutAViewWhosePointsWereMisplacedAndRefusesWhenTooFewGoodOnesRemain() {
        TargetCalibrator calibrator = new TargetCalibrator(CalibrationTarget.chessboard(9, 6, SQUARE_MM));
        List<float[]> found = new ArrayList<>();
        for (double[] p : POSES) {
            found.add(calibrator.findCorners(board.render(pose(p))));
        }
        float[] plane = calibrator.findCorners(board.render(WORKING_PLANE));
        // One point of one view 30 px off, as a circle grid's finder may place it.
        found.get(3)[2 * 53] += 30;

        CameraCalibration robust = calibrator.calibrate(found, plane, 1280, 960);
        assertThat(robust.imageCount()).isEqualTo(POSES.length - 1);
        assertThat(robust.rmsReprojectionErrorPx()).isLessThan(0.1);
        assertThat(robust.mmPerPixel()).isCloseTo(calibration.mmPerPixel(), within(calibration.mmPerPixel() * 0.001));

        // Three views, every one of them with misplaced points: nothing to tell good from bad, so refused.
        List<float[]> bad = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            float[] view = found.get(i).clone();
            view[2 * (10 + i)] += 25;
            view[2 * (30 + i) + 1] -= 25;
            bad.add(view);
        }
        assertThatThrownBy(() -> calibrator.calibrate(bad, plane, 1280, 960))
                .hasMessageContaining("RMS error").hasMessageContaining("not found reliably");
    }

    @Test
    void refusesTooFewViewsOfTheBoard() {
        BufferedImage blank = new BufferedImage(1280, 960, BufferedImage.TYPE_BYTE_GRAY);
        BufferedImage seen = board.render(WORKING_PLANE);
        assertThatThrownBy(() -> new TargetCalibrator(CalibrationTarget.chessboard(9, 6, SQUARE_MM)).calibrate(List.of(seen, blank, blank), seen))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("found in 1 of 3 views");
    }

    @Test
    void calibratesFromACircleGridToo() {
        TargetRenderer grid = new TargetRenderer(1280, 960, FX, FY, CX, CY, DISTORTION, CalibrationTarget.circleGrid(9, 6, SQUARE_MM));
        List<BufferedImage> views = new ArrayList<>();
        for (double[] p : POSES) {
            views.add(grid.render(pose(p)));
        }
        CameraCalibration circles = new TargetCalibrator(CalibrationTarget.circleGrid(9, 6, SQUARE_MM))
                .calibrate(views, grid.render(WORKING_PLANE));
        System.out.printf("circle grid: views %d fx %.3f fy %.3f cx %.3f cy %.3f rms %.4f mm/px %.6f%n", circles.imageCount(),
                circles.fx(), circles.fy(), circles.cx(), circles.cy(), circles.rmsReprojectionErrorPx(), circles.mmPerPixel());

        // A circle seen at a slant images as an ellipse whose centre is not quite the circle's: small circles (a
        // third of the pitch in radius) keep that bias well under the tolerances the chessboard meets.
        assertThat(circles.imageCount()).isEqualTo(12);
        assertThat(circles.fx()).isCloseTo(FX, within(FX * 0.002));
        assertThat(circles.fy()).isCloseTo(FY, within(FY * 0.002));
        assertThat(circles.cx()).isCloseTo(CX, within(2.0));
        assertThat(circles.cy()).isCloseTo(CY, within(2.0));
        assertThat(circles.rmsReprojectionErrorPx()).isLessThan(0.1);
        double truth = WORKING_DISTANCE_MM / ((FX + FY) / 2);
        assertThat(circles.mmPerPixel()).isCloseTo(truth, within(truth * 0.002));
    }

    static void print() {
        System.out.printf("fx %.3f fy %.3f cx %.3f cy %.3f rms %.4f mm/px %.6f d %s%n", calibration.fx(),
                calibration.fy(), calibration.cx(), calibration.cy(), calibration.rmsReprojectionErrorPx(),
                calibration.mmPerPixel(), calibration.distortionCoefficients());
    }

    @Test
    void reportsItsFigures() {
        print();
    }
}
