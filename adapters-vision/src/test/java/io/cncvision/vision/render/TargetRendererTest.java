package io.cncvision.vision.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.cncvision.vision.calibration.CalibrationTarget;
import io.cncvision.vision.calibration.CameraCalibration;
import io.cncvision.vision.calibration.TargetCalibrator;
import org.junit.jupiter.api.Test;

/** A calibration set rendered for a camera at a given scale calibrates back to that scale. */
class TargetRendererTest {

    @Test
    void aChessboardSetForA1280x1024CameraAt5HundredthsOfAMillimetreCalibratesBackWithin0_2Percent() {
        CalibrationTarget target = CalibrationTarget.chessboard(9, 6, 4.0);
        TargetRenderer.CalibrationViews set = TargetRenderer.calibrationViews(1280, 1024, 0.05, target, 8);

        CameraCalibration calibration = new TargetCalibrator(target).calibrate(set.views(), set.workingPlane());

        System.out.printf("1280x1024 chessboard: views %d fx %.3f fy %.3f rms %.4f mm/px %.6f (error %.4f %%)%n",
                calibration.imageCount(), calibration.fx(), calibration.fy(), calibration.rmsReprojectionErrorPx(),
                calibration.mmPerPixel(), 100 * (calibration.mmPerPixel() / 0.05 - 1));
        assertThat(calibration.imageCount()).isEqualTo(8);
        assertThat(calibration.imageWidth()).isEqualTo(1280);
        assertThat(calibration.imageHeight()).isEqualTo(1024);
        assertThat(calibration.fx()).isCloseTo(1.2 * 1280, within(1.2 * 1280 * 0.002));
        assertThat(calibration.mmPerPixel()).isCloseTo(0.05, within(0.05 * 0.002));
    }

    @Test
    void aCircleGridSetCalibratesBackWithin0_2PercentToo() {
        CalibrationTarget target = CalibrationTarget.circleGrid(9, 6, 2.0);
        TargetRenderer.CalibrationViews set = TargetRenderer.calibrationViews(1280, 1024, 0.05, target, 8);

        CameraCalibration calibration = new TargetCalibrator(target).calibrate(set.views(), set.workingPlane());

        System.out.printf("1280x1024 circle grid: views %d rms %.4f mm/px %.6f (error %.4f %%)%n", calibration.imageCount(),
                calibration.rmsReprojectionErrorPx(), calibration.mmPerPixel(),
                100 * (calibration.mmPerPixel() / 0.05 - 1));
        assertThat(calibration.imageCount()).isEqualTo(8);
        assertThat(calibration.rmsReprojectionErrorPx()).isLessThan(0.1);
        assertThat(calibration.mmPerPixel()).isCloseTo(0.05, within(0.05 * 0.002));
    }

    @Test
    void refusesAWorkingPlaneTheTargetDoesNotFitOn() {
        // 9x6 squares of 5 mm with their border: 50 x 35 mm, and 640 x 480 px at 0.05 mm/px see 32 x 24 mm.
        assertThatThrownBy(() -> TargetRenderer.calibrationViews(640, 480, 0.05, CalibrationTarget.chessboard(9, 6, 5.0), 4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1000 x 700 px on the working plane, more than the 640 x 480 image holds");
    }

    @Test
    void theWorkingPlaneIsAtTheDistanceThatGivesTheScale() {
        TargetRenderer camera = TargetRenderer.typicalCamera(640, 480, CalibrationTarget.chessboard(7, 5, 2.0));

        assertThat(camera.workingDistanceMm(0.05)).isCloseTo(0.05 * 1.2 * 640, within(1e-9));
    }
}
