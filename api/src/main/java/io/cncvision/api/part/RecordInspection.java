package io.cncvision.api.part;

import io.cncvision.api.Checks;
import io.cncvision.api.value.CharacteristicId;
import io.cncvision.api.value.GaugeId;
import io.cncvision.api.value.Serial;
import io.cncvision.api.value.SourceMessageId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records the verdict of an inspection of a part. */
public record RecordInspection(@TargetAggregateIdentifier Serial serial, CharacteristicId characteristicId,
                               InspectionResult result, GaugeId gaugeId, String note, Instant observedAt,
                               SourceMessageId sourceMessageId) {

    public RecordInspection {
        Checks.required("serial", serial);
        Checks.required("result", result);
        Checks.required("gaugeId", gaugeId);
        Checks.optionalText("note", note, 512);
        Checks.observedAt(observedAt);
    }
}
