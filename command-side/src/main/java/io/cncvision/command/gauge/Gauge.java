package io.cncvision.command.gauge;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.cncvision.api.CommandOutcome;
import io.cncvision.api.gauge.AsLeftCondition;
import io.cncvision.api.gauge.ExpireGaugeCalibration;
import io.cncvision.api.gauge.GaugeCalibrated;
import io.cncvision.api.gauge.GaugeCalibrationCertified;
import io.cncvision.api.gauge.GaugeCalibrationExpired;
import io.cncvision.api.gauge.GaugeCameOnline;
import io.cncvision.api.gauge.GaugeKind;
import io.cncvision.api.gauge.GaugeRegistered;
import io.cncvision.api.gauge.GaugeStatus;
import io.cncvision.api.gauge.GaugeWentOffline;
import io.cncvision.api.gauge.RecordCameraCalibration;
import io.cncvision.api.gauge.RecordGaugeCalibration;
import io.cncvision.api.gauge.RegisterGauge;
import io.cncvision.api.gauge.ReportGaugeOffline;
import io.cncvision.api.gauge.ReportGaugeOnline;
import io.cncvision.api.value.CalibrationId;
import io.cncvision.api.value.GaugeId;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A gauge, a camera being one (IATF 16949 7.1.5): its kind, the calibration in force, and whether it
 * delivers; and its certified calibration (IATF 16949 7.1.5.2): whether it is calibrated, expired or failed,
 * and until when. A camera's optical calibration and its certification are separate records with separate ids.
 */
@Aggregate
public class Gauge {

    @AggregateIdentifier
    private GaugeId gaugeId;
    private GaugeKind kind;
    private CalibrationId currentCalibration;
    private Set<CalibrationId> calibrations = new HashSet<>();
    // Since when the gauge has delivered nothing, null while it delivers.
    private Instant offlineSince;
    private GaugeStatus status = GaugeStatus.NOT_CALIBRATED;
    private CalibrationId certificationInForce;
    private Instant dueAt;
    private Set<CalibrationId> certifications = new HashSet<>();

    /** For Axon and Jackson: rebuilds from events or a snapshot, and starts a gauge that RegisterGauge creates. */
    protected Gauge() {
    }

    // Not a constructor: the app registers its configured cameras each time it starts, and a repeat must answer
    // UNCHANGED rather than fail on the gauge that already exists.
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public CommandOutcome handle(RegisterGauge command) {
        if (gaugeId != null) {
            if (kind != command.kind()) {
                throw new IllegalStateException("gauge " + gaugeId + " is registered as a " + kind + ", not a "
                        + command.kind());
            }
            return CommandOutcome.UNCHANGED;
        }
        apply(new GaugeRegistered(command.gaugeId(), command.kind(), command.name()));
        return CommandOutcome.RECORDED;
    }

    /** Only a camera has an optical calibration; a calibration id names one calibration, recorded once. */
    @CommandHandler
    public CommandOutcome handle(RecordCameraCalibration command) {
        if (command.calibrationId().equals(currentCalibration)) {
            return CommandOutcome.DUPLICATE;
        }
        if (kind != GaugeKind.CAMERA) {
            throw new IllegalStateException("gauge " + gaugeId + " is a " + kind + ", not a camera");
        }
        if (calibrations.contains(command.calibrationId())) {
            throw new IllegalStateException("calibration " + command.calibrationId() + " of gauge " + gaugeId
                    + " was recorded before and has been superseded; a new calibration needs a new id");
        }
        apply(new GaugeCalibrated(gaugeId, command.calibrationId(), command.cameraMatrix(),
                command.distortionCoefficients(), command.mmPerPixel(), command.rmsReprojectionErrorPx(),
                command.imageCount(), command.calibratedAt(), command.calibratedBy()));
        return CommandOutcome.RECORDED;
    }

    /**
     * Any gauge can be certified; a certification id names one certification, recorded once. The latest one is in
     * force, whatever came before, so a failed or expired gauge becomes calibrated again by a passing one.
     */
    @CommandHandler
    public CommandOutcome handle(RecordGaugeCalibration command) {
        if (command.calibrationId().equals(certificationInForce)) {
            return CommandOutcome.DUPLICATE;
        }
        if (certifications.contains(command.calibrationId())) {
            throw new IllegalStateException("calibration " + command.calibrationId() + " of gauge " + gaugeId
                    + " was certified before and has been superseded; a new calibration needs a new id");
        }
        apply(new GaugeCalibrationCertified(gaugeId, command.calibrationId(), command.asFound(), command.asLeft(),
                command.certificate(), command.dueAt(), command.calibratedAt(), command.calibratedBy()));
        return CommandOutcome.RECORDED;
    }

    /** Only the certification in force, still calibrated, expires; one renewed or superseded since changes nothing. */
    @CommandHandler
    public CommandOutcome handle(ExpireGaugeCalibration command) {
        if (!command.calibrationId().equals(certificationInForce) || status != GaugeStatus.CALIBRATED) {
            return CommandOutcome.UNCHANGED;
        }
        if (command.expiredAt().isBefore(dueAt)) {
            throw new IllegalStateException("calibration " + certificationInForce + " of gauge " + gaugeId
                    + " is due at " + dueAt + " and cannot expire at " + command.expiredAt());
        }
        apply(new GaugeCalibrationExpired(gaugeId, certificationInForce, dueAt, command.expiredAt()));
        return CommandOutcome.RECORDED;
    }

    /** An outage already recorded and not yet over records nothing. */
    @CommandHandler
    public CommandOutcome handle(ReportGaugeOffline command) {
        if (offlineSince != null) {
            return CommandOutcome.UNCHANGED;
        }
        apply(new GaugeWentOffline(gaugeId, command.reason(), command.observedAt()));
        return CommandOutcome.RECORDED;
    }

    /** Ends only a recorded outage; a gauge that was never offline records nothing. */
    @CommandHandler
    public CommandOutcome handle(ReportGaugeOnline command) {
        if (offlineSince == null) {
            return CommandOutcome.UNCHANGED;
        }
        apply(new GaugeCameOnline(gaugeId, offlineSince, command.observedAt()));
        return CommandOutcome.RECORDED;
    }

    /** Whether the gauge may measure, as its certification says; read by the tests, decided by the handlers. */
    GaugeStatus status() {
        return status;
    }

    @EventSourcingHandler
    private void on(GaugeRegistered event) {
        gaugeId = event.gaugeId();
        kind = event.kind();
    }

    @EventSourcingHandler
    private void on(GaugeCalibrated event) {
        currentCalibration = event.calibrationId();
        calibrations.add(event.calibrationId());
    }

    @EventSourcingHandler
    private void on(GaugeCalibrationCertified event) {
        certificationInForce = event.calibrationId();
        certifications.add(event.calibrationId());
        dueAt = event.dueAt();
        status = event.asLeft() == AsLeftCondition.FAILED ? GaugeStatus.FAILED : GaugeStatus.CALIBRATED;
    }

    @EventSourcingHandler
    private void on(GaugeCalibrationExpired event) {
        status = GaugeStatus.EXPIRED;
    }

    @EventSourcingHandler
    private void on(GaugeWentOffline event) {
        offlineSince = event.observedAt();
    }

    @EventSourcingHandler
    private void on(GaugeCameOnline event) {
        offlineSince = null;
    }
}
