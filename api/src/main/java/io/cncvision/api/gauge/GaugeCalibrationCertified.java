package io.cncvision.api.gauge;

import io.cncvision.api.value.CalibrationId;
import io.cncvision.api.value.GaugeId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A gauge's calibration was certified (IATF 16949 7.1.5.2): it is in force from now until {@code dueAt}, or, left
 * FAILED, the gauge is unfit for use. Fields as in {@link RecordGaugeCalibration}.
 */
@Revision("1")
public record GaugeCalibrationCertified(GaugeId gaugeId, CalibrationId calibrationId, AsFoundCondition asFound,
                                        AsLeftCondition asLeft, String certificate, Instant dueAt,
                                        Instant calibratedAt, String calibratedBy) {
}
