package io.cncvision.api.gauge;

import io.cncvision.api.Checks;
import io.cncvision.api.value.CalibrationId;
import io.cncvision.api.value.GaugeId;
import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records a camera's calibration: its camera matrix (3x3, row-major: fx 0 cx / 0 fy cy / 0 0 1), its lens
 * distortion coefficients in OpenCV's order (k1 k2 p1 p2 [k3 [k4 k5 k6 [s1 s2 s3 s4 [tx ty]]]]), the
 * millimetres per pixel at the working plane, the RMS reprojection error in pixels and how many images it
 * was computed from.
 */
public record RecordCameraCalibration(@TargetAggregateIdentifier GaugeId gaugeId, CalibrationId calibrationId,
                                      List<Double> cameraMatrix, List<Double> distortionCoefficients,
                                      double mmPerPixel, double rmsReprojectionErrorPx, int imageCount,
                                      Instant calibratedAt, String calibratedBy) {

    private static final List<Integer> DISTORTION_LENGTHS = List.of(4, 5, 8, 12, 14);

    public RecordCameraCalibration {
        Checks.required("gaugeId", gaugeId);
        Checks.required("calibrationId", calibrationId);
        Checks.required("cameraMatrix", cameraMatrix);
        if (cameraMatrix.size() != 9) {
            throw new IllegalArgumentException("cameraMatrix must hold 9 values (3x3, row-major), not "
                    + cameraMatrix.size());
        }
        cameraMatrix.forEach(v -> Checks.finite("cameraMatrix", Checks.required("cameraMatrix", v)));
        Checks.required("distortionCoefficients", distortionCoefficients);
        if (!DISTORTION_LENGTHS.contains(distortionCoefficients.size())) {
            throw new IllegalArgumentException("distortionCoefficients must hold 4, 5, 8, 12 or 14 values, not "
                    + distortionCoefficients.size());
        }
        distortionCoefficients.forEach(v -> Checks.finite("distortionCoefficients",
                Checks.required("distortionCoefficients", v)));
        if (!(mmPerPixel > 0) || !Double.isFinite(mmPerPixel)) {
            throw new IllegalArgumentException("mmPerPixel must be positive, not " + mmPerPixel);
        }
        if (!(rmsReprojectionErrorPx >= 0) || !Double.isFinite(rmsReprojectionErrorPx)) {
            throw new IllegalArgumentException("rmsReprojectionErrorPx must be at least 0, not " + rmsReprojectionErrorPx);
        }
        if (imageCount < 1) {
            throw new IllegalArgumentException("imageCount must be at least 1, not " + imageCount);
        }
        Checks.required("calibratedAt", calibratedAt);
        Checks.text("calibratedBy", calibratedBy, 128);
        cameraMatrix = List.copyOf(cameraMatrix);
        distortionCoefficients = List.copyOf(distortionCoefficients);
    }
}
