package io.cncvision.api.gauge;

import io.cncvision.api.Checks;
import io.cncvision.api.value.CalibrationId;
import io.cncvision.api.value.GaugeId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records a gauge's calibration certificate (IATF 16949 7.1.5.2), for any kind of gauge: how it was found, how it
 * was left, the certificate (number or URL) and when the next calibration is due. {@code dueAt} may be left out
 * only for a gauge left FAILED, which has nothing to become due; otherwise it comes after {@code calibratedAt}.
 * A camera's optical calibration is {@link RecordCameraCalibration}, a different fact: a camera may have both.
 */
public record RecordGaugeCalibration(@TargetAggregateIdentifier GaugeId gaugeId, CalibrationId calibrationId,
                                     AsFoundCondition asFound, AsLeftCondition asLeft, String certificate,
                                     Instant dueAt, Instant calibratedAt, String calibratedBy) {

    public RecordGaugeCalibration {
        Checks.required("gaugeId", gaugeId);
        Checks.required("calibrationId", calibrationId);
        Checks.required("asFound", asFound);
        Checks.required("asLeft", asLeft);
        Checks.text("certificate", certificate, 512);
        Checks.required("calibratedAt", calibratedAt);
        Checks.text("calibratedBy", calibratedBy, 128);
        if (dueAt == null && asLeft != AsLeftCondition.FAILED) {
            throw new IllegalArgumentException("dueAt is required for a gauge left " + asLeft);
        }
        if (dueAt != null && !dueAt.isAfter(calibratedAt)) {
            throw new IllegalArgumentException("dueAt " + dueAt + " must come after calibratedAt " + calibratedAt);
        }
    }
}
