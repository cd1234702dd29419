package io.cncvision.api.gauge;

import io.cncvision.api.value.CalibrationId;
import io.cncvision.api.value.GaugeId;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A camera was calibrated (IATF 16949 7.1.5.2): every measurement it makes from now names
 * {@code calibrationId}. Shapes as in {@link RecordCameraCalibration}.
 */
@Revision("1")
public record GaugeCalibrated(GaugeId gaugeId, CalibrationId calibrationId, List<Double> cameraMatrix,
                              List<Double> distortionCoefficients, double mmPerPixel, double rmsReprojectionErrorPx,
                              int imageCount, Instant calibratedAt, String calibratedBy) {
}
