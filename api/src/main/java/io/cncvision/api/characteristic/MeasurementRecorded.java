package io.cncvision.api.characteristic;

import io.cncvision.api.value.CharacteristicId;
import io.cncvision.api.value.GaugeId;
import io.cncvision.api.value.Serial;
import io.cncvision.api.value.SourceMessageId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A measured value was recorded; it belongs to the numbered subgroup. */
@Revision("1")
public record MeasurementRecorded(CharacteristicId characteristicId, double value, Serial partSerial, GaugeId gaugeId,
                                  Instant observedAt, SourceMessageId sourceMessageId, long subgroup) {
}
