package io.cncvision.saga.containment;

import io.cncvision.api.characteristic.MeasuredByGaugeOutOfCalibration;
import io.cncvision.api.gauge.AsLeftCondition;
import io.cncvision.api.gauge.GaugeCalibrationCertified;
import io.cncvision.api.nonconformance.ApplyContainment;
import io.cncvision.api.nonconformance.NonConformanceSource;
import io.cncvision.api.nonconformance.OpenNonConformance;
import io.cncvision.api.part.QuarantinePart;
import io.cncvision.api.value.NonConformanceId;
import io.cncvision.api.value.Serial;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A gauge used while out of calibration (IATF 16949 7.1.5.2): the first value it measures opens a
 * nonconformance naming the gauge, and every part it measures is held under it until the gauge is certified
 * again, or for a day at most, when the nonconformance stays open for people to close.
 */
@Saga
@ProcessingGroup("gauge-containment-saga")
public class GaugeContainmentSaga {

    private static final Logger log = LoggerFactory.getLogger(GaugeContainmentSaga.class);

    static final String WINDOW = "gauge-containment-window";
    /** How long later values of the same gauge join the same nonconformance. */
    static final Duration CONTAINMENT_WINDOW = Duration.ofDays(1);

    private NonConformanceId nonConformanceId;

    @StartSaga
    @SagaEventHandler(associationProperty = "gaugeId")
    public void on(MeasuredByGaugeOutOfCalibration measured, @Timestamp Instant now, CommandGateway commands,
                   DeadlineManager deadlines) {
        List<Serial> parts = measured.partSerial() == null ? List.of() : List.of(measured.partSerial());
        if (nonConformanceId == null) {
            nonConformanceId = NonConformanceId.forTrigger(measured.observedAt(), "gauge-out-of-calibration:"
                    + measured.gaugeId() + ":" + measured.characteristicId() + ":" + measured.subgroup());
            commands.send(new OpenNonConformance(nonConformanceId, NonConformanceSource.GAUGE_OUT_OF_CALIBRATION,
                    "Gauge " + measured.gaugeId() + " measured " + measured.characteristicId() + " while "
                            + measured.gaugeStatus() + ": its measurements are not valid until judged",
                    null, measured.characteristicId(), measured.gaugeId(), parts, now));
            deadlines.schedule(CONTAINMENT_WINDOW, WINDOW);
        }
        for (Serial part : parts) {
            commands.send(new QuarantinePart(part, nonConformanceId, "measured by gauge " + measured.gaugeId()
                    + " while " + measured.gaugeStatus(), now)).exceptionally(failure -> {
                        log.warn("nonconformance {}: part {} could not be quarantined: {}", nonConformanceId, part,
                                failure.getMessage());
                        return null;
                    });
            commands.send(new ApplyContainment(nonConformanceId, List.of(part), "Quarantined: measured by gauge "
                    + measured.gaugeId() + " while " + measured.gaugeStatus(), now));
        }
    }

    /**
     * The gauge certified fit again: its later values are valid, and this nonconformance holds what came before. A
     * certificate that leaves it FAILED changes nothing.
     */
    @SagaEventHandler(associationProperty = "gaugeId")
    public void on(GaugeCalibrationCertified certified, DeadlineManager deadlines) {
        if (certified.asLeft() == AsLeftCondition.FAILED) {
            return;
        }
        deadlines.cancelAll(WINDOW);
        SagaLifecycle.end();
    }

    @DeadlineHandler(deadlineName = WINDOW)
    public void windowClosed() {
        SagaLifecycle.end();
    }
}
