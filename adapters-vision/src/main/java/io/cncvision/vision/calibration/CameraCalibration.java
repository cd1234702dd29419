package io.cncvision.vision.calibration;

import io.cncvision.api.gauge.RecordCameraCalibration;
import io.cncvision.api.value.CalibrationId;
import io.cncvision.api.value.GaugeId;
import java.time.Instant;
import java.util.List;

/**
 * A camera's calibration: its camera matrix (3x3, row-major), lens distortion in OpenCV's order (k1 k2 p1 p2
 * k3), the RMS reprojection error of the board corners in pixels, the number of views it came from, the image
 * size, and the millimetres per pixel at the working plane (after undistortion).
 */
public record CameraCalibration(List<Double> cameraMatrix, List<Double> distortionCoefficients,
                                double rmsReprojectionErrorPx, int imageCount, int imageWidth, int imageHeight,
                                double mmPerPixel) {

    public CameraCalibration {
        cameraMatrix = List.copyOf(cameraMatrix);
        distortionCoefficients = List.copyOf(distortionCoefficients);
        if (cameraMatrix.size() != 9) {
            throw new IllegalArgumentException("camera matrix must be 3x3");
        }
    }

    public double fx() {
        return cameraMatrix.get(0);
    }

    public double fy() {
        return cameraMatrix.get(4);
    }

    public double cx() {
        return cameraMatrix.get(2);
    }

    public double cy() {
        return cameraMatrix.get(5);
    }

    /** The command that records this calibration on the camera's gauge. */
    public RecordCameraCalibration toCommand(GaugeId camera, CalibrationId id, Instant calibratedAt,
                                             String calibratedBy) {
        return new RecordCameraCalibration(camera, id, cameraMatrix, distortionCoefficients, mmPerPixel,
                rmsReprojectionErrorPx, imageCount, calibratedAt, calibratedBy);
    }
}
