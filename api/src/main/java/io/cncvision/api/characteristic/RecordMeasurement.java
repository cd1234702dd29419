package io.cncvision.api.characteristic;

import io.cncvision.api.Checks;
import io.cncvision.api.gauge.GaugeStatus;
import io.cncvision.api.value.CharacteristicId;
import io.cncvision.api.value.GaugeId;
import io.cncvision.api.value.Serial;
import io.cncvision.api.value.SourceMessageId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records one measured value of a characteristic, from a gauge or camera. {@code gaugeStatus}, the standing of the
 * gauge's calibration, is filled in by the platform as the command is sent (null where unknown).
 */
public record RecordMeasurement(@TargetAggregateIdentifier CharacteristicId characteristicId, double value, Serial partSerial,
                                GaugeId gaugeId, Instant observedAt, SourceMessageId sourceMessageId,
                                GaugeStatus gaugeStatus) {

    /** A value whose gauge's standing the platform looks up as it sends the command. */
    public RecordMeasurement(CharacteristicId characteristicId, double value, Serial partSerial, GaugeId gaugeId,
                             Instant observedAt, SourceMessageId sourceMessageId) {
        this(characteristicId, value, partSerial, gaugeId, observedAt, sourceMessageId, null);
    }

    /** This measurement, made by a gauge whose calibration stands at {@code status}. */
    public RecordMeasurement withGaugeStatus(GaugeStatus status) {
        return new RecordMeasurement(characteristicId, value, partSerial, gaugeId, observedAt, sourceMessageId, status);
    }

    public RecordMeasurement {
        Checks.required("characteristicId", characteristicId);
        Checks.finite("value", value);
        Checks.required("gaugeId", gaugeId);
        Checks.observedAt(observedAt);
    }
}
