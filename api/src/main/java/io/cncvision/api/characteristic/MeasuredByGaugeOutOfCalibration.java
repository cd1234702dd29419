package io.cncvision.api.characteristic;

import io.cncvision.api.gauge.GaugeStatus;
import io.cncvision.api.value.CharacteristicId;
import io.cncvision.api.value.GaugeId;
import io.cncvision.api.value.Serial;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A value was measured by a gauge out of calibration (IATF 16949 7.1.5.2): its certification had expired, or it
 * failed its calibration. Recorded with the {@link MeasurementRecorded} it flags, so that the parts it measured
 * can be held and the measurement's validity judged.
 */
@Revision("1")
public record MeasuredByGaugeOutOfCalibration(CharacteristicId characteristicId, GaugeId gaugeId,
                                              GaugeStatus gaugeStatus, double value, Serial partSerial,
                                              long subgroup, Instant observedAt) {
}
