package io.cncvision.api.gauge;

import io.cncvision.api.Checks;
import io.cncvision.api.value.CalibrationId;
import io.cncvision.api.value.GaugeId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Expires a gauge's certified calibration at its due date. Changes nothing when that calibration has been
 * renewed or superseded since: only the calibration in force can expire.
 */
public record ExpireGaugeCalibration(@TargetAggregateIdentifier GaugeId gaugeId, CalibrationId calibrationId,
                                     Instant expiredAt) {

    public ExpireGaugeCalibration {
        Checks.required("gaugeId", gaugeId);
        Checks.required("calibrationId", calibrationId);
        Checks.required("expiredAt", expiredAt);
    }
}
