package io.cncvision.api.gauge;

import io.cncvision.api.value.CalibrationId;
import io.cncvision.api.value.GaugeId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A gauge's calibration in force reached its due date unrenewed: the gauge is overdue (IATF 16949 7.1.5.2). */
@Revision("1")
public record GaugeCalibrationExpired(GaugeId gaugeId, CalibrationId calibrationId, Instant dueAt,
                                      Instant expiredAt) {
}
