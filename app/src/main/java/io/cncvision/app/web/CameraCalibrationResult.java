package io.cncvision.app.web;

import io.cncvision.api.CommandOutcome;
import io.cncvision.vision.calibration.CameraCalibration;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** The answer to a calibration from uploaded views: what was recorded, and the figures the views gave. */
public record CameraCalibrationResult(
        @Schema(description = "RECORDED, or DUPLICATE: this calibration id is the camera's calibration already, "
                + "nothing recorded") CommandOutcome outcome,
        String calibrationId,
        @Schema(description = "Focal length along x, pixels") double fx,
        @Schema(description = "Focal length along y, pixels") double fy,
        @Schema(description = "Principal point x, pixels") double cx,
        @Schema(description = "Principal point y, pixels") double cy,
        @Schema(description = "k1 k2 p1 p2 k3 (k3 held at 0)") List<Double> distortionCoefficients,
        @Schema(description = "RMS reprojection error of the target's points, pixels") double rmsReprojectionErrorPx,
        @Schema(description = "Views the calibration was computed from (where the target was found)") int imageCount,
        @Schema(description = "Millimetres per pixel at the working plane") double mmPerPixel,
        int imageWidth,
        int imageHeight,
        @Schema(description = "Views in which the target was found") int viewsFound,
        @Schema(description = "Views uploaded") int viewsGiven) {

    static CameraCalibrationResult of(CommandOutcome outcome, String calibrationId, CameraCalibration calibration,
                                      int viewsGiven) {
        return new CameraCalibrationResult(outcome, calibrationId, calibration.fx(), calibration.fy(), calibration.cx(),
                calibration.cy(), calibration.distortionCoefficients(), calibration.rmsReprojectionErrorPx(),
                calibration.imageCount(), calibration.mmPerPixel(), calibration.imageWidth(), calibration.imageHeight(),
                calibration.imageCount(), viewsGiven);
    }
}
