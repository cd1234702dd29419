package io.cncvision.saga.containment;

import io.cncvision.api.characteristic.IdentifySuspects;
import io.cncvision.api.characteristic.OutOfSpecificationDetected;
import io.cncvision.api.characteristic.SuspectPartsIdentified;
import io.cncvision.api.nonconformance.ApplyContainment;
import io.cncvision.api.nonconformance.NonConformanceSource;
import io.cncvision.api.nonconformance.OpenNonConformance;
import io.cncvision.api.part.PartRejected;
import io.cncvision.api.part.QuarantinePart;
import io.cncvision.api.value.CharacteristicId;
import io.cncvision.api.value.NonConformanceId;
import io.cncvision.api.value.Serial;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
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
 * Containment (IATF 16949 8.7.1, 10.2.1 b): a rejected part, or a value out of specification, opens a
 * nonconformance, and every part that may share its fault is held: the parts of each characteristic it was
 * measured on since that characteristic's last good subgroup, and the part itself.
 *
 * <p>A rejected part is one nonconformance; the saga ends once the characteristics have named their suspects, or
 * at a deadline if one does not answer. Values out of specification on one characteristic are one problem: while
 * its nonconformance's containment window is open (a shift), later ones add their suspects to it rather than
 * open another; the window's end ends the saga, the nonconformance staying open for people to close.
 */
@Saga
@ProcessingGroup("containment-saga")
public class ContainmentSaga {

    private static final Logger log = LoggerFactory.getLogger(ContainmentSaga.class);

    static final String ANSWERS = "suspects-answered";
    static final String WINDOW = "containment-window";
    /** How long a characteristic may take to name its suspects. */
    static final Duration ANSWER_WITHIN = Duration.ofMinutes(1);
    /** How long later values out of specification join the same nonconformance. */
    static final Duration CONTAINMENT_WINDOW = Duration.ofHours(8);

    private NonConformanceId nonConformanceId;
    private boolean rejectedPart;
    private int awaitedAnswers;
    private LinkedHashSet<Serial> held = new LinkedHashSet<>();
    private String answersDeadline;

    @StartSaga
    @SagaEventHandler(associationProperty = "serial")
    public void on(PartRejected rejected, @Timestamp Instant now, CommandGateway commands, DeadlineManager deadlines) {
        rejectedPart = true;
        nonConformanceId = NonConformanceId.forTrigger(rejected.observedAt(), "rejected:" + rejected.serial());
        SagaLifecycle.associateWith("nonConformanceId", nonConformanceId.value());
        CharacteristicId first = rejected.characteristicIds().isEmpty() ? null : rejected.characteristicIds().get(0);
        commands.send(new OpenNonConformance(nonConformanceId, NonConformanceSource.REJECTED_PART,
                "Part " + rejected.serial() + " rejected: " + rejected.reason(), rejected.machineId(), first,
                rejected.gaugeId(), List.of(rejected.serial()), now));
        hold(List.of(rejected.serial()), "rejected: " + rejected.reason(), now, commands);
        for (CharacteristicId characteristic : rejected.characteristicIds()) {
            commands.send(new IdentifySuspects(characteristic, nonConformanceId, rejected.serial(), now));
            awaitedAnswers++;
        }
        if (awaitedAnswers == 0) {
            SagaLifecycle.end();
        } else {
            answersDeadline = deadlines.schedule(ANSWER_WITHIN, ANSWERS);
        }
    }

    @StartSaga
    @SagaEventHandler(associationProperty = "characteristicId")
    public void on(OutOfSpecificationDetected detected, @Timestamp Instant now, CommandGateway commands,
                   DeadlineManager deadlines) {
        String what = String.format(Locale.ROOT, "%s measured %s on part %s, outside %s", detected.characteristicId(),
                detected.value(), detected.partSerial() == null ? "(unnamed)" : detected.partSerial(),
                detected.specification());
        if (nonConformanceId == null) {
            nonConformanceId = NonConformanceId.forTrigger(detected.observedAt(), "out-of-specification:"
                    + detected.characteristicId() + ":" + detected.sourceMessageId());
            SagaLifecycle.associateWith("nonConformanceId", nonConformanceId.value());
            commands.send(new OpenNonConformance(nonConformanceId, NonConformanceSource.OUT_OF_SPECIFICATION,
                    "Out of specification: " + what, null, detected.characteristicId(), null,
                    detected.partSerial() == null ? List.of() : List.of(detected.partSerial()), now));
            deadlines.schedule(CONTAINMENT_WINDOW, WINDOW);
        }
        commands.send(new IdentifySuspects(detected.characteristicId(), nonConformanceId, detected.partSerial(), now));
    }

    @SagaEventHandler(associationProperty = "nonConformanceId")
    public void on(SuspectPartsIdentified suspects, @Timestamp Instant now, CommandGateway commands,
                   DeadlineManager deadlines) {
        hold(suspects.serials(), "measured on " + suspects.characteristicId() + " since subgroup "
                + suspects.sinceSubgroup() + ", the last good one before " + suspects.trigger(), now, commands);
        if (rejectedPart && --awaitedAnswers <= 0) {
            if (answersDeadline != null) {
                deadlines.cancelSchedule(ANSWERS, answersDeadline);
            }
            SagaLifecycle.end();
        }
    }

    @DeadlineHandler(deadlineName = ANSWERS)
    public void answersMissed() {
        log.warn("nonconformance {}: {} characteristic(s) did not name their suspects within {}; containment holds"
                + " what was named", nonConformanceId, awaitedAnswers, ANSWER_WITHIN);
        SagaLifecycle.end();
    }

    @DeadlineHandler(deadlineName = WINDOW)
    public void windowClosed() {
        SagaLifecycle.end();
    }

    /** Quarantines the parts not yet held here and records them as the nonconformance's containment. */
    private void hold(List<Serial> serials, String why, Instant now, CommandGateway commands) {
        List<Serial> newlyHeld = new ArrayList<>();
        for (Serial serial : serials) {
            if (held.add(serial)) {
                newlyHeld.add(serial);
            }
        }
        if (newlyHeld.isEmpty()) {
            return;
        }
        String reason = why.length() > 512 ? why.substring(0, 512) : why;
        for (Serial serial : newlyHeld) {
            // A part never produced on the platform cannot be held; the containment still names it.
            commands.send(new QuarantinePart(serial, nonConformanceId, reason, now)).exceptionally(failure -> {
                log.warn("nonconformance {}: part {} could not be quarantined: {}", nonConformanceId, serial,
                        failure.getMessage());
                return null;
            });
        }
        commands.send(new ApplyContainment(nonConformanceId, newlyHeld, "Quarantined: " + reason, now));
    }
}
