package io.cncvision.saga.compensation;

import io.cncvision.api.characteristic.CompensationOutcome;
import io.cncvision.api.characteristic.CompensationPlan;
import io.cncvision.api.characteristic.ConcludeCompensation;
import io.cncvision.api.characteristic.CorrectionProposed;
import io.cncvision.api.characteristic.NoteProcessAdjustment;
import io.cncvision.api.characteristic.OutOfControlSignalled;
import io.cncvision.api.characteristic.SubgroupCompleted;
import io.cncvision.api.machine.AdjustToolOffset;
import io.cncvision.api.machine.PlaceMachineOnHold;
import io.cncvision.api.machine.ToolOffsetAdjustmentApplied;
import io.cncvision.api.machine.ToolOffsetAdjustmentFailed;
import io.cncvision.api.machine.ToolOffsetAdjustmentRejected;
import io.cncvision.api.nonconformance.NonConformanceSource;
import io.cncvision.api.nonconformance.OpenNonConformance;
import io.cncvision.api.value.CharacteristicId;
import io.cncvision.api.value.NonConformanceId;
import java.time.Duration;
import java.time.Instant;
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

/**
 * The reaction plan of a control-plan line whose drift a tool offset corrects (IATF 16949 8.5.1.1, 9.1.1.1):
 * an out-of-control signal's proposed correction is asked of the machine; its connector writes it and confirms;
 * the run rules then judge the next subgroups afresh. The process back in control for the plan's number of
 * subgroups ends it. A correction refused or not confirmed in time, or the process still out of control after the
 * plan's last correction, opens a nonconformance and puts the machine on hold. Too few subgroups in the
 * verification time ends it unverified. Every path records how it ended on the characteristic.
 *
 * <p>One reaction per characteristic at a time: signals of parts made before a correction was written change
 * nothing while it is being written.
 */
@Saga
@ProcessingGroup("compensation-saga")
public class ToolOffsetCompensationSaga {

    static final String CONFIRMATION = "offset-confirmation";
    static final String VERIFICATION = "verification";

    /** Where the reaction stands. */
    enum Phase { WRITING, VERIFYING }

    private CharacteristicId characteristicId;
    private CompensationPlan plan;
    private long signalSubgroup;
    private Phase phase;
    private int corrections;
    private double totalCorrectionMm;
    private String requestId;
    private String deadlineName;
    private String deadlineId;
    // Values observed from then on are of parts cut after the correction was written.
    private Instant verifyFrom;
    // The last subgroup completed whose signals, if any, have not been heard yet (they follow its completion).
    private long unjudgedSubgroup = -1;
    private int subgroupsInControl;

    @StartSaga
    @SagaEventHandler(associationProperty = "characteristicId")
    public void on(CorrectionProposed proposal, @Timestamp Instant now, CommandGateway commands,
                   DeadlineManager deadlines) {
        if (phase == null) {
            characteristicId = proposal.characteristicId();
            plan = proposal.plan();
            signalSubgroup = proposal.subgroup();
            request(proposal, now, commands, deadlines);
        } else if (phase == Phase.VERIFYING && !proposal.observedAt().isBefore(verifyFrom)) {
            if (corrections >= plan.attempts()) {
                escalate(CompensationOutcome.STILL_OUT_OF_CONTROL, String.format(Locale.ROOT,
                        "%s signalled %s at subgroup %d after %d correction(s) of %s totalling %.4f mm",
                        characteristicId, proposal.rule(), proposal.subgroup(), corrections, plan.offset(),
                        totalCorrectionMm), now, commands, deadlines);
            } else {
                request(proposal, now, commands, deadlines);
            }
        }
        // While a correction is being written, and until the parts cut before it have passed the gauge, signals say
        // nothing new.
    }

    private void request(CorrectionProposed proposal, Instant now, CommandGateway commands, DeadlineManager deadlines) {
        corrections++;
        requestId = characteristicId.value() + "/" + signalSubgroup + "/" + corrections;
        SagaLifecycle.associateWith("requestId", requestId);
        phase = Phase.WRITING;
        replaceDeadline(deadlines, CONFIRMATION, plan.confirmWithin());
        commands.send(new AdjustToolOffset(plan.machineId(), requestId, plan.offset(), proposal.correctionMm(),
                plan.maxStepMm(), plan.maxTotalMm(), characteristicId, now, now.plus(plan.confirmWithin())));
    }

    @SagaEventHandler(associationProperty = "requestId")
    public void on(ToolOffsetAdjustmentApplied applied, CommandGateway commands, DeadlineManager deadlines) {
        if (!applied.requestId().equals(requestId)) {
            return;
        }
        totalCorrectionMm += applied.deltaMm();
        phase = Phase.VERIFYING;
        subgroupsInControl = 0;
        unjudgedSubgroup = -1;
        verifyFrom = applied.writtenAt().plus(plan.deadTime());
        replaceDeadline(deadlines, VERIFICATION, plan.deadTime().plus(plan.verifyWithin()));
        commands.send(new NoteProcessAdjustment(characteristicId, requestId, applied.writtenAt(), verifyFrom));
    }

    @SagaEventHandler(associationProperty = "requestId")
    public void on(ToolOffsetAdjustmentRejected rejected, @Timestamp Instant now, CommandGateway commands,
                   DeadlineManager deadlines) {
        if (!rejected.requestId().equals(requestId)) {
            return;
        }
        if (rejected.heldUnder() != null) {
            // Already held under a nonconformance: that report answers for this signal too.
            conclude(CompensationOutcome.REFUSED, "the correction was refused: " + rejected.reason(),
                    rejected.heldUnder(), now, commands, deadlines);
        } else {
            escalate(CompensationOutcome.REFUSED, "the correction was refused: " + rejected.reason(), now, commands,
                    deadlines);
        }
    }

    @SagaEventHandler(associationProperty = "requestId")
    public void on(ToolOffsetAdjustmentFailed failed, @Timestamp Instant now, CommandGateway commands,
                   DeadlineManager deadlines) {
        if (failed.requestId().equals(requestId)) {
            escalate(CompensationOutcome.NOT_CONFIRMED, "the correction was not written: " + failed.reason(), now,
                    commands, deadlines);
        }
    }

    /**
     * A subgroup's signals follow its completion, so a subgroup counts as in control once the next one completes
     * with none heard for it.
     */
    @SagaEventHandler(associationProperty = "characteristicId")
    public void on(SubgroupCompleted completed, @Timestamp Instant now, CommandGateway commands,
                   DeadlineManager deadlines) {
        if (phase != Phase.VERIFYING || completed.observedAt().isBefore(verifyFrom)) {
            return;
        }
        if (unjudgedSubgroup >= 0) {
            subgroupsInControl++;
        }
        unjudgedSubgroup = completed.subgroup();
        if (subgroupsInControl >= plan.verifySubgroups()) {
            conclude(CompensationOutcome.BACK_IN_CONTROL, String.format(Locale.ROOT,
                    "%d subgroups in control after %d correction(s) of %s totalling %.4f mm", subgroupsInControl,
                    corrections, plan.offset(), totalCorrectionMm), null, now, commands, deadlines);
        }
    }

    @SagaEventHandler(associationProperty = "characteristicId")
    public void on(OutOfControlSignalled signal) {
        if (phase == Phase.VERIFYING && signal.subgroup() == unjudgedSubgroup) {
            unjudgedSubgroup = -1;
            subgroupsInControl = 0;
        }
    }

    @DeadlineHandler(deadlineName = CONFIRMATION)
    public void confirmationMissed(@Timestamp Instant now, CommandGateway commands, DeadlineManager deadlines) {
        deadlineId = null;
        escalate(CompensationOutcome.NOT_CONFIRMED, "machine " + plan.machineId() + " did not confirm the correction "
                + requestId + " of " + plan.offset() + " within " + plan.confirmWithin(), now, commands, deadlines);
    }

    @DeadlineHandler(deadlineName = VERIFICATION)
    public void verificationMissed(@Timestamp Instant now, CommandGateway commands, DeadlineManager deadlines) {
        deadlineId = null;
        conclude(CompensationOutcome.UNVERIFIED, "only " + subgroupsInControl + " of the " + plan.verifySubgroups()
                + " subgroups needed came within " + plan.verifyWithin(), null, now, commands, deadlines);
    }

    /** A nonconformance, the machine on hold, and the reaction concluded with it. */
    private void escalate(CompensationOutcome outcome, String detail, Instant now, CommandGateway commands,
                          DeadlineManager deadlines) {
        NonConformanceId report = NonConformanceId.forTrigger(now, "out-of-control:" + characteristicId + ":"
                + signalSubgroup);
        commands.send(new OpenNonConformance(report, NonConformanceSource.OUT_OF_CONTROL,
                "Out of control and not corrected: " + detail, plan.machineId(), characteristicId, null, List.of(),
                now));
        commands.send(new PlaceMachineOnHold(plan.machineId(), report, detail, now));
        conclude(outcome, detail, report, now, commands, deadlines);
    }

    private void conclude(CompensationOutcome outcome, String detail, NonConformanceId report, Instant now,
                          CommandGateway commands, DeadlineManager deadlines) {
        cancelDeadline(deadlines);
        commands.send(new ConcludeCompensation(characteristicId, signalSubgroup, outcome, corrections,
                totalCorrectionMm, report, detail.length() > 1024 ? detail.substring(0, 1024) : detail, now));
        SagaLifecycle.end();
    }

    private void replaceDeadline(DeadlineManager deadlines, String name, Duration after) {
        cancelDeadline(deadlines);
        deadlineName = name;
        deadlineId = deadlines.schedule(after, name);
    }

    private void cancelDeadline(DeadlineManager deadlines) {
        if (deadlineId != null) {
            deadlines.cancelSchedule(deadlineName, deadlineId);
            deadlineId = null;
        }
    }
}
