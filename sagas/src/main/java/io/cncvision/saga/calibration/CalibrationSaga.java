package io.cncvision.saga.calibration;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.cncvision.api.gauge.ExpireGaugeCalibration;
import io.cncvision.api.gauge.GaugeCalibrationCertified;
import io.cncvision.api.value.CalibrationId;
import io.cncvision.api.value.GaugeId;
import java.time.Instant;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import jakarta.inject.Inject;

/**
 * Watches one certified calibration of a gauge until it is due (IATF 16949 7.1.5.2): at the due date it expires
 * the calibration and ends. The gauge's next certification ends it earlier, cancelling its deadline; that
 * certification starts the saga that watches it. A calibration left FAILED has nothing to become due: its saga ends
 * at once.
 */
@Saga
@ProcessingGroup("calibration-saga")
public class CalibrationSaga {

    static final String DUE = "calibration-due";

    @Inject
    @JsonIgnore
    private transient CommandGateway commands;
    @Inject
    @JsonIgnore
    private transient DeadlineManager deadlines;

    private GaugeId gaugeId;
    private CalibrationId calibrationId;
    private Instant dueAt;
    private String dueDeadlineId;

    // forceNew: each certification starts its own saga, and the saga of the gauge's previous one, associated by
    // the gauge id, sees it too and ends.
    @StartSaga(forceNew = true)
    @SagaEventHandler(associationProperty = "gaugeId")
    public void on(GaugeCalibrationCertified event) {
        if (calibrationId != null) {
            if (!calibrationId.equals(event.calibrationId())) {
                deadlines.cancelSchedule(DUE, dueDeadlineId);
                SagaLifecycle.end();
            }
            return;
        }
        if (event.dueAt() == null) {
            SagaLifecycle.end();
            return;
        }
        gaugeId = event.gaugeId();
        calibrationId = event.calibrationId();
        dueAt = event.dueAt();
        dueDeadlineId = deadlines.schedule(dueAt, DUE);
    }

    // The calibration expired at its due date, even when the platform was down then and the deadline fires late.
    @DeadlineHandler(deadlineName = DUE)
    public void onDue() {
        commands.send(new ExpireGaugeCalibration(gaugeId, calibrationId, dueAt));
        SagaLifecycle.end();
    }
}
