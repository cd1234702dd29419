package io.cncvision.api.part;

import io.cncvision.api.value.CalibrationId;
import io.cncvision.api.value.CharacteristicId;
import io.cncvision.api.value.GaugeId;
import io.cncvision.api.value.Serial;
import io.cncvision.api.value.Sha256;
import io.cncvision.api.value.SourceMessageId;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A part was inspected, with this verdict; for a camera, with what it measured, the defects it found, the
 * image, calibration and model it used, {@code observedAt} being the frame's capture time.
 *
 * <p>Revision 2 added {@code measurements} to {@code modelSha256}. Revision 1 payloads lack them and read as
 * empty lists and nulls, so no upcaster is needed.
 */
@Revision("2")
public record PartInspected(Serial serial, CharacteristicId characteristicId, InspectionResult result, GaugeId gaugeId,
                            String note, Instant observedAt, SourceMessageId sourceMessageId,
                            List<InspectionMeasurement> measurements, List<InspectionDefect> defects,
                            Sha256 imageSha256, CalibrationId calibrationId, Sha256 modelSha256) {

    public PartInspected {
        measurements = measurements == null ? List.of() : List.copyOf(measurements);
        defects = defects == null ? List.of() : List.copyOf(defects);
    }

    /** A verdict alone, as revision 1 recorded it. */
    public static PartInspected verdict(Serial serial, CharacteristicId characteristicId, InspectionResult result,
                                        GaugeId gaugeId, String note, Instant observedAt,
                                        SourceMessageId sourceMessageId) {
        return new PartInspected(serial, characteristicId, result, gaugeId, note, observedAt, sourceMessageId,
                List.of(), List.of(), null, null, null);
    }
}
