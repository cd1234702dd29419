package io.cncvision.app.web;

import static io.cncvision.app.web.RequestFields.parse;
import static io.cncvision.app.web.RequestFields.required;

import io.cncvision.api.gauge.RecordCameraCalibration;
import io.cncvision.api.value.CalibrationId;
import io.cncvision.api.value.GaugeId;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/**
 * Body of {@code POST /api/v1/gauges/{gaugeId}/calibrations} as JSON: the figures of a calibration made elsewhere,
 * as {@code cncvision vision calibrate} prints them (its informational fields are ignored).
 */
public record RecordCameraCalibrationRequest(
        @Schema(description = "The calibration's id, which every measurement made with it names",
                example = "cam-1-2026-11-25", requiredMode = Schema.RequiredMode.REQUIRED)
        String calibrationId,
        @Schema(description = "3x3, row-major: fx 0 cx / 0 fy cy / 0 0 1", requiredMode = Schema.RequiredMode.REQUIRED,
                example = "[1536.1, 0, 647.2, 0, 1536.2, 506.4, 0, 0, 1]")
        List<Double> cameraMatrix,
        @Schema(description = "OpenCV's order: k1 k2 p1 p2 [k3 [k4 k5 k6 [s1 s2 s3 s4 [tx ty]]]] (4, 5, 8, 12 or 14)",
                requiredMode = Schema.RequiredMode.REQUIRED, example = "[-0.08, 0.05, 0.0005, -0.0004, 0]")
        List<Double> distortionCoefficients,
        @Schema(description = "Millimetres per pixel at the working plane", example = "0.05",
                requiredMode = Schema.RequiredMode.REQUIRED)
        Double mmPerPixel,
        @Schema(description = "RMS reprojection error of the target's points, pixels", example = "0.06",
                requiredMode = Schema.RequiredMode.REQUIRED)
        Double rmsReprojectionErrorPx,
        @Schema(description = "How many views the calibration was computed from", example = "12",
                requiredMode = Schema.RequiredMode.REQUIRED)
        Integer imageCount) {

    RecordCameraCalibration toCommand(GaugeId gaugeId, Instant calibratedAt, String calibratedBy) {
        return new RecordCameraCalibration(gaugeId, parse("calibrationId", calibrationId, CalibrationId::of),
                required("cameraMatrix", cameraMatrix), required("distortionCoefficients", distortionCoefficients),
                required("mmPerPixel", mmPerPixel), required("rmsReprojectionErrorPx", rmsReprojectionErrorPx),
                required("imageCount", imageCount), calibratedAt, calibratedBy);
    }
}
