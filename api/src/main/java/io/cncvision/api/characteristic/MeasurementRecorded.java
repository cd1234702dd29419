package io.cncvision.api.characteristic;

import io.cncvision.api.gauge.GaugeStatus;
import io.cncvision.api.value.CharacteristicId;
import io.cncvision.api.value.GaugeId;
import io.cncvision.api.value.Serial;
import io.cncvision.api.value.SourceMessageId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A measured value was recorded; it belongs to the numbered subgroup. {@code gaugeStatus} is the standing of the
 * gauge's calibration when the value was measured (IATF 16949 7.1.5.2): a value from an EXPIRED or FAILED gauge
 * is flagged so. Null where it was not known.
 *
 * <p>Revision 2 added {@code gaugeStatus}; revision 1 payloads lack it and read as null, so no upcaster is needed.
 */
@Revision("2")
public record MeasurementRecorded(CharacteristicId characteristicId, double value, Serial partSerial, GaugeId gaugeId,
                                  Instant observedAt, SourceMessageId sourceMessageId, long subgroup,
                                  GaugeStatus gaugeStatus) {

    /** A value whose gauge's standing was not known. */
    public MeasurementRecorded(CharacteristicId characteristicId, double value, Serial partSerial, GaugeId gaugeId,
                               Instant observedAt, SourceMessageId sourceMessageId, long subgroup) {
        this(characteristicId, value, partSerial, gaugeId, observedAt, sourceMessageId, subgroup, null);
    }

    /** Whether the gauge was out of calibration: its certification expired, or it failed its calibration. */
    public boolean byGaugeOutOfCalibration() {
        return gaugeStatus == GaugeStatus.EXPIRED || gaugeStatus == GaugeStatus.FAILED;
    }
}
