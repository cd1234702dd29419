package io.cncvision.vision.inspection;

import io.cncvision.api.part.InspectionDefect;
import io.cncvision.api.part.InspectionMeasurement;
import io.cncvision.api.part.InspectionResult;
import io.cncvision.api.value.CalibrationId;
import io.cncvision.api.value.GaugeId;
import io.cncvision.api.value.Serial;
import io.cncvision.api.value.Sha256;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the pipeline made of one frame: the part ({@code serial} null when neither a code nor the machine's
 * cycle named it), the verdict, what was measured and found, and the image, calibration and model behind them.
 */
public record InspectedPart(GaugeId camera, String frameId, Instant capturedAt, Serial serial,
                            InspectionResult verdict, List<InspectionMeasurement> measurements,
                            List<InspectionDefect> defects, Sha256 imageSha256, CalibrationId calibrationId,
                            Sha256 modelSha256) {

    public InspectedPart {
        Objects.requireNonNull(camera, "camera");
        Objects.requireNonNull(frameId, "frameId");
        Objects.requireNonNull(capturedAt, "capturedAt");
        Objects.requireNonNull(verdict, "verdict");
        measurements = measurements == null ? List.of() : List.copyOf(measurements);
        defects = defects == null ? List.of() : List.copyOf(defects);
    }
}
