package io.cncvision.api.gauge;

import java.time.Instant;
import java.util.List;

/**
 * One recorded calibration of a camera: the figures of {@link GaugeCalibrated}, who made it and when, and when it
 * was recorded.
 */
public record CalibrationView(String gaugeId, String calibrationId, List<Double> cameraMatrix,
                              List<Double> distortionCoefficients, double mmPerPixel, double rmsReprojectionErrorPx,
                              int imageCount, Instant calibratedAt, String calibratedBy, Instant recordedAt) {

    public CalibrationView {
        cameraMatrix = List.copyOf(cameraMatrix);
        distortionCoefficients = List.copyOf(distortionCoefficients);
    }
}
