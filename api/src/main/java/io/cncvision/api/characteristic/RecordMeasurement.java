package io.cncvision.api.characteristic;

import io.cncvision.api.Checks;
import io.cncvision.api.value.CharacteristicId;
import io.cncvision.api.value.GaugeId;
import io.cncvision.api.value.Serial;
import io.cncvision.api.value.SourceMessageId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records one measured value of a characteristic, from a gauge or camera. */
public record RecordMeasurement(@TargetAggregateIdentifier CharacteristicId characteristicId, double value, Serial partSerial,
                                GaugeId gaugeId, Instant observedAt, SourceMessageId sourceMessageId) {

    public RecordMeasurement {
        Checks.required("characteristicId", characteristicId);
        Checks.finite("value", value);
        Checks.required("gaugeId", gaugeId);
        Checks.observedAt(observedAt);
    }
}
