package io.cncvision.command.nonconformance;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.cncvision.api.CommandOutcome;
import io.cncvision.api.nonconformance.ApplyContainment;
import io.cncvision.api.nonconformance.AssignCorrectiveAction;
import io.cncvision.api.nonconformance.CloseNonConformance;
import io.cncvision.api.nonconformance.ContainmentApplied;
import io.cncvision.api.nonconformance.CorrectiveActionAssigned;
import io.cncvision.api.nonconformance.DispositionSigned;
import io.cncvision.api.nonconformance.ElectronicSignature;
import io.cncvision.api.nonconformance.NonConformanceClosed;
import io.cncvision.api.nonconformance.NonConformanceOpened;
import io.cncvision.api.nonconformance.OpenNonConformance;
import io.cncvision.api.nonconformance.RecordRootCause;
import io.cncvision.api.nonconformance.RootCauseRecorded;
import io.cncvision.api.nonconformance.SignDisposition;
import io.cncvision.api.value.NonConformanceId;
import io.cncvision.api.value.Serial;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A nonconformance report (IATF 16949 8.7, 10.2.3): opened, its suspect parts contained, its root cause found,
 * corrective actions assigned, its disposition decided under an electronic signature (21 CFR Part 11 §11.50),
 * then closed, after which nothing changes.
 */
@Aggregate
public class NonConformance {

    @AggregateIdentifier
    private NonConformanceId nonConformanceId;
    // What the opening reported, to tell a retried OpenNonConformance from a clash of ids.
    private NonConformanceOpened opened;
    private Set<Serial> held = new HashSet<>();
    private Set<String> containmentActions = new HashSet<>();
    private String rootCause;
    private String rootCauseMethod;
    private Set<CorrectiveAction> correctiveActions = new HashSet<>();
    private ElectronicSignature signature;
    private Instant closedAt;

    /** One corrective action as assigned; the same one again is a repeat. */
    record CorrectiveAction(String action, String ownerId, LocalDate dueOn) {
    }

    /** For Axon and Jackson: rebuilds from events or a snapshot, and starts one that OpenNonConformance creates. */
    protected NonConformance() {
    }

    // Not a constructor: a saga that retries OpenNonConformance must get UNCHANGED rather than a failure on the
    // id it already opened. The opening time is not compared: a retry sent later reports the same nonconformance.
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public CommandOutcome handle(OpenNonConformance command) {
        NonConformanceOpened event = new NonConformanceOpened(command.nonConformanceId(), command.source(),
                command.description(), command.machineId(), command.characteristicId(), command.gaugeId(),
                command.serials(), command.openedAt());
        if (nonConformanceId != null) {
            if (sameReport(opened, event)) {
                return CommandOutcome.UNCHANGED;
            }
            throw new IllegalStateException("nonconformance " + nonConformanceId + " was already opened for another "
                    + "report; an NCR number is used once");
        }
        apply(event);
        return CommandOutcome.RECORDED;
    }

    /** Holds the parts not held yet; containment that adds neither a part nor a new action records nothing. */
    @CommandHandler
    public CommandOutcome handle(ApplyContainment command) {
        refuseIfClosed();
        List<Serial> newlyHeld = new ArrayList<>(new LinkedHashSet<>(command.serials()));
        newlyHeld.removeAll(held);
        if (newlyHeld.isEmpty()
                && (!command.serials().isEmpty() || containmentActions.contains(command.action()))) {
            return CommandOutcome.UNCHANGED;
        }
        apply(new ContainmentApplied(nonConformanceId, newlyHeld, command.action(), command.appliedAt()));
        return CommandOutcome.RECORDED;
    }

    /** A root cause may be refined while the nonconformance is open; the latest recorded stands. */
    @CommandHandler
    public CommandOutcome handle(RecordRootCause command) {
        refuseIfClosed();
        if (command.rootCause().equals(rootCause) && command.method().equals(rootCauseMethod)) {
            return CommandOutcome.UNCHANGED;
        }
        apply(new RootCauseRecorded(nonConformanceId, command.rootCause(), command.method(), command.recordedBy(),
                command.recordedAt()));
        return CommandOutcome.RECORDED;
    }

    @CommandHandler
    public CommandOutcome handle(AssignCorrectiveAction command) {
        refuseIfClosed();
        if (correctiveActions.contains(new CorrectiveAction(command.action(), command.ownerId(), command.dueOn()))) {
            return CommandOutcome.UNCHANGED;
        }
        apply(new CorrectiveActionAssigned(nonConformanceId, command.action(), command.ownerId(), command.dueOn(),
                command.assignedAt()));
        return CommandOutcome.RECORDED;
    }

    /** Signed once: a signature attests a decision, and a second decision would leave two signed records. */
    @CommandHandler
    public CommandOutcome handle(SignDisposition command) {
        refuseIfClosed();
        if (signature != null) {
            throw new IllegalStateException("the disposition of nonconformance " + nonConformanceId
                    + " was signed by " + signature.signerId() + " at " + signature.signedAt()
                    + "; a signed disposition is not signed again");
        }
        apply(new DispositionSigned(nonConformanceId, command.disposition(), command.justification(),
                command.concessionExpiresAt(), command.signature()));
        return CommandOutcome.RECORDED;
    }

    /** IATF 16949 10.2.1: a nonconformance is closed only once its cause, its correction and its disposition exist. */
    @CommandHandler
    public CommandOutcome handle(CloseNonConformance command) {
        refuseIfClosed();
        List<String> missing = new ArrayList<>();
        if (rootCause == null) {
            missing.add("no root cause is recorded");
        }
        if (correctiveActions.isEmpty()) {
            missing.add("no corrective action is assigned");
        }
        if (signature == null) {
            missing.add("no disposition is signed");
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("nonconformance " + nonConformanceId + " cannot be closed: "
                    + String.join(", ", missing));
        }
        apply(new NonConformanceClosed(nonConformanceId, command.note(), command.closedBy(), command.closedAt()));
        return CommandOutcome.RECORDED;
    }

    private void refuseIfClosed() {
        if (closedAt != null) {
            throw new IllegalStateException("nonconformance " + nonConformanceId + " was closed at " + closedAt
                    + "; nothing changes after it is closed: open a new one");
        }
    }

    private static boolean sameReport(NonConformanceOpened a, NonConformanceOpened b) {
        return a.source() == b.source() && a.description().equals(b.description())
                && Objects.equals(a.machineId(), b.machineId())
                && Objects.equals(a.characteristicId(), b.characteristicId())
                && Objects.equals(a.gaugeId(), b.gaugeId())
                && a.serials().equals(b.serials());
    }

    @EventSourcingHandler
    private void on(NonConformanceOpened event) {
        nonConformanceId = event.nonConformanceId();
        opened = event;
    }

    @EventSourcingHandler
    private void on(ContainmentApplied event) {
        held.addAll(event.serials());
        containmentActions.add(event.action());
    }

    @EventSourcingHandler
    private void on(RootCauseRecorded event) {
        rootCause = event.rootCause();
        rootCauseMethod = event.method();
    }

    @EventSourcingHandler
    private void on(CorrectiveActionAssigned event) {
        correctiveActions.add(new CorrectiveAction(event.action(), event.ownerId(), event.dueOn()));
    }

    @EventSourcingHandler
    private void on(DispositionSigned event) {
        signature = event.signature();
    }

    @EventSourcingHandler
    private void on(NonConformanceClosed event) {
        closedAt = event.closedAt();
    }
}
