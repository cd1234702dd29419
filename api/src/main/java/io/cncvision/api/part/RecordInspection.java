package io.cncvision.api.part;

import io.cncvision.api.Checks;
import io.cncvision.api.value.CalibrationId;
import io.cncvision.api.value.CharacteristicId;
import io.cncvision.api.value.GaugeId;
import io.cncvision.api.value.Serial;
import io.cncvision.api.value.Sha256;
import io.cncvision.api.value.SourceMessageId;
import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records the verdict of an inspection of a part. A camera's inspection also names what it measured, the
 * defects it found, the image (its SHA-256 in the image store), the calibration and the model it used;
 * {@code observedAt} is then the frame's capture time. Those are absent (null, or empty lists) for a
 * manual inspection.
 */
public record RecordInspection(@TargetAggregateIdentifier Serial serial, CharacteristicId characteristicId,
                               InspectionResult result, GaugeId gaugeId, String note, Instant observedAt,
                               SourceMessageId sourceMessageId, List<InspectionMeasurement> measurements,
                               List<InspectionDefect> defects, Sha256 imageSha256, CalibrationId calibrationId,
                               Sha256 modelSha256) {

    public RecordInspection {
        Checks.required("serial", serial);
        Checks.required("result", result);
        Checks.required("gaugeId", gaugeId);
        Checks.optionalText("note", note, 512);
        Checks.observedAt(observedAt);
        measurements = measurements == null ? List.of() : List.copyOf(measurements);
        defects = defects == null ? List.of() : List.copyOf(defects);
    }

    /** A manual inspection: a verdict, no image, no measurements. */
    public static RecordInspection verdict(Serial serial, CharacteristicId characteristicId, InspectionResult result,
                                           GaugeId gaugeId, String note, Instant observedAt,
                                           SourceMessageId sourceMessageId) {
        return new RecordInspection(serial, characteristicId, result, gaugeId, note, observedAt, sourceMessageId,
                List.of(), List.of(), null, null, null);
    }
}
