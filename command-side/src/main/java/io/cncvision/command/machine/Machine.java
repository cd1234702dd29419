package io.cncvision.command.machine;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.cncvision.api.CommandOutcome;
import io.cncvision.api.machine.AdjustToolOffset;
import io.cncvision.api.machine.AlarmCleared;
import io.cncvision.api.machine.AlarmRaised;
import io.cncvision.api.machine.ClearAlarm;
import io.cncvision.api.machine.CompleteCycle;
import io.cncvision.api.machine.ConfirmToolOffsetAdjustment;
import io.cncvision.api.machine.CycleCompleted;
import io.cncvision.api.machine.EndMaintenance;
import io.cncvision.api.machine.MachineConnectionLost;
import io.cncvision.api.machine.MachineConnectionRestored;
import io.cncvision.api.machine.MachineDataGapDetected;
import io.cncvision.api.machine.MachineHoldReleased;
import io.cncvision.api.machine.MachinePutOnHold;
import io.cncvision.api.machine.MachineRegistered;
import io.cncvision.api.machine.MachineStateChanged;
import io.cncvision.api.machine.MaintenanceEnded;
import io.cncvision.api.machine.MaintenanceStarted;
import io.cncvision.api.machine.PlaceMachineOnHold;
import io.cncvision.api.machine.RaiseAlarm;
import io.cncvision.api.machine.RegisterMachine;
import io.cncvision.api.machine.ReleaseMachineHold;
import io.cncvision.api.machine.ReportConnectionLost;
import io.cncvision.api.machine.ReportConnectionRestored;
import io.cncvision.api.machine.ReportDataGap;
import io.cncvision.api.machine.ReportMachineState;
import io.cncvision.api.machine.ReportToolOffsetAdjustmentFailed;
import io.cncvision.api.machine.StartMaintenance;
import io.cncvision.api.machine.ToolChanged;
import io.cncvision.api.machine.ToolOffsetAdjustmentApplied;
import io.cncvision.api.machine.ToolOffsetAdjustmentFailed;
import io.cncvision.api.machine.ToolOffsetAdjustmentRejected;
import io.cncvision.api.machine.ToolOffsetAdjustmentRequested;
import io.cncvision.api.value.CharacteristicId;
import io.cncvision.api.value.MachineId;
import io.cncvision.api.value.MachineState;
import io.cncvision.api.value.NonConformanceId;
import io.cncvision.api.value.WorkOrderId;
import io.cncvision.command.RecentMessageIds;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Locale;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A machine tool: its execution state, its active alarms and its cycle count, as its controller reports
 * them, and whether the platform is connected to it.
 */
@Aggregate(snapshotTriggerDefinition = "machineSnapshotTrigger", cache = "aggregateCache")
public class Machine {

    @AggregateIdentifier
    private MachineId machineId;
    private MachineState state;
    private LinkedHashSet<String> activeAlarms = new LinkedHashSet<>();
    private long cycleCount;
    // When the connection to the machine was lost, null while connected.
    private Instant connectionLostSince;
    private RecentMessageIds recentMessageIds = new RecentMessageIds();
    private ToolTable tools = new ToolTable();
    // The nonconformances the machine is on quality hold under; empty when not held.
    private LinkedHashSet<NonConformanceId> holds = new LinkedHashSet<>();
    // The work order the machine is in maintenance for, null when it is not.
    private WorkOrderId maintenance;

    /** For Axon and Jackson: rebuilds from events or a snapshot. */
    protected Machine() {
    }

    @CommandHandler
    public Machine(RegisterMachine command) {
        apply(new MachineRegistered(command.machineId(), command.name(), command.protocol(), command.endpoint()));
    }

    @CommandHandler
    public CommandOutcome handle(ReportMachineState command) {
        if (recentMessageIds.contains(command.sourceMessageId())) {
            return CommandOutcome.DUPLICATE;
        }
        if (command.state() == state) {
            return CommandOutcome.UNCHANGED;
        }
        apply(new MachineStateChanged(machineId, state, command.state(), command.observedAt(),
                command.sourceMessageId()));
        return CommandOutcome.RECORDED;
    }

    /** A loss already recorded and not yet restored records nothing. */
    @CommandHandler
    public CommandOutcome handle(ReportConnectionLost command) {
        if (connectionLostSince != null) {
            return CommandOutcome.UNCHANGED;
        }
        apply(new MachineConnectionLost(machineId, command.reason(), command.observedAt()));
        return CommandOutcome.RECORDED;
    }

    /** Restores only a recorded loss; a machine that was never lost records nothing. */
    @CommandHandler
    public CommandOutcome handle(ReportConnectionRestored command) {
        if (connectionLostSince == null) {
            return CommandOutcome.UNCHANGED;
        }
        apply(new MachineConnectionRestored(machineId, connectionLostSince, command.observedAt()));
        return CommandOutcome.RECORDED;
    }

    @CommandHandler
    public CommandOutcome handle(ReportDataGap command) {
        if (recentMessageIds.contains(command.sourceMessageId())) {
            return CommandOutcome.DUPLICATE;
        }
        apply(new MachineDataGapDetected(machineId, command.description(), command.observedAt(),
                command.sourceMessageId()));
        return CommandOutcome.RECORDED;
    }

    @CommandHandler
    public CommandOutcome handle(RaiseAlarm command) {
        if (recentMessageIds.contains(command.sourceMessageId())) {
            return CommandOutcome.DUPLICATE;
        }
        if (activeAlarms.contains(command.alarmCode())) {
            return CommandOutcome.UNCHANGED;
        }
        apply(new AlarmRaised(machineId, command.alarmCode(), command.severity(), command.message(),
                command.observedAt(), command.sourceMessageId()));
        return CommandOutcome.RECORDED;
    }

    @CommandHandler
    public CommandOutcome handle(ClearAlarm command) {
        if (recentMessageIds.contains(command.sourceMessageId())) {
            return CommandOutcome.DUPLICATE;
        }
        if (!activeAlarms.contains(command.alarmCode())) {
            return CommandOutcome.UNCHANGED;
        }
        apply(new AlarmCleared(machineId, command.alarmCode(), command.observedAt(), command.sourceMessageId()));
        return CommandOutcome.RECORDED;
    }

    @CommandHandler
    public CommandOutcome handle(CompleteCycle command) {
        if (recentMessageIds.contains(command.sourceMessageId())) {
            return CommandOutcome.DUPLICATE;
        }
        apply(new CycleCompleted(machineId, command.program(), command.partSerial(), cycleCount + 1,
                command.observedAt(), command.sourceMessageId()));
        return CommandOutcome.RECORDED;
    }

    /**
     * A correction of a tool offset, bounded by the control plan: at most its largest step, and the corrections
     * since the tool was changed, pending ones included, at most its largest total. A correction the bounds leave
     * nothing of, or asked of a machine on hold or in maintenance, is refused, and the refusal recorded.
     */
    @CommandHandler
    public CommandOutcome handle(AdjustToolOffset command) {
        if (tools.known(command.requestId())) {
            return CommandOutcome.DUPLICATE;
        }
        String refusal = null;
        NonConformanceId heldUnder = holds.isEmpty() ? null : holds.iterator().next();
        double delta = tools.bounded(command.offset(), command.deltaMm(), command.maxStepMm(), command.maxTotalMm());
        if (!holds.isEmpty()) {
            refusal = "machine " + machineId + " is on quality hold under " + heldUnder;
        } else if (maintenance != null) {
            refusal = "machine " + machineId + " is in maintenance for work order " + maintenance;
        } else if (delta == 0) {
            refusal = String.format(Locale.ROOT, "the corrections of %s since its tool was changed total %.4f mm;"
                    + " the control plan allows %.4f mm in all", command.offset(), tools.total(command.offset()),
                    command.maxTotalMm());
        }
        if (refusal != null) {
            apply(new ToolOffsetAdjustmentRejected(machineId, command.requestId(), command.offset(), command.deltaMm(),
                    command.characteristicId(), refusal, heldUnder, command.requestedAt()));
            return CommandOutcome.RECORDED;
        }
        apply(new ToolOffsetAdjustmentRequested(machineId, command.requestId(), command.offset(), delta,
                ToolTable.rounded(tools.total(command.offset()) + delta), command.characteristicId(), command.requestedAt(),
                command.writeBy()));
        return CommandOutcome.RECORDED;
    }

    @CommandHandler
    public CommandOutcome handle(ConfirmToolOffsetAdjustment command) {
        if (tools.isSettled(command.requestId())) {
            return CommandOutcome.UNCHANGED;
        }
        ToolTable.Pending pending = pendingRequest(command.requestId());
        apply(new ToolOffsetAdjustmentApplied(machineId, command.requestId(), pending.offset(), pending.deltaMm(),
                command.previousMm(), command.valueMm(), CharacteristicId.of(pending.characteristicId()),
                command.writtenAt()));
        return CommandOutcome.RECORDED;
    }

    @CommandHandler
    public CommandOutcome handle(ReportToolOffsetAdjustmentFailed command) {
        if (tools.isSettled(command.requestId())) {
            return CommandOutcome.UNCHANGED;
        }
        ToolTable.Pending pending = pendingRequest(command.requestId());
        apply(new ToolOffsetAdjustmentFailed(machineId, command.requestId(), pending.offset(), pending.deltaMm(),
                CharacteristicId.of(pending.characteristicId()), command.reason(), command.failedAt()));
        return CommandOutcome.RECORDED;
    }

    private ToolTable.Pending pendingRequest(String requestId) {
        ToolTable.Pending pending = tools.pending(requestId);
        if (pending == null) {
            throw new IllegalStateException("machine " + machineId + " has no offset correction " + requestId
                    + " waiting to be written");
        }
        return pending;
    }

    @CommandHandler
    public CommandOutcome handle(PlaceMachineOnHold command) {
        if (holds.contains(command.nonConformanceId())) {
            return CommandOutcome.UNCHANGED;
        }
        apply(new MachinePutOnHold(machineId, command.nonConformanceId(), command.reason(), command.placedAt()));
        return CommandOutcome.RECORDED;
    }

    @CommandHandler
    public CommandOutcome handle(ReleaseMachineHold command) {
        if (!holds.contains(command.nonConformanceId())) {
            return CommandOutcome.UNCHANGED;
        }
        apply(new MachineHoldReleased(machineId, command.nonConformanceId(), command.reason(), command.releasedAt()));
        return CommandOutcome.RECORDED;
    }

    /** One work order at a time: a machine in maintenance for another is refused. */
    @CommandHandler
    public CommandOutcome handle(StartMaintenance command) {
        if (command.workOrderId().equals(maintenance)) {
            return CommandOutcome.UNCHANGED;
        }
        if (maintenance != null) {
            throw new IllegalStateException("machine " + machineId + " is in maintenance for work order "
                    + maintenance + "; end it before starting " + command.workOrderId());
        }
        apply(new MaintenanceStarted(machineId, command.workOrderId(), command.startedAt()));
        return CommandOutcome.RECORDED;
    }

    @CommandHandler
    public CommandOutcome handle(EndMaintenance command) {
        if (!command.workOrderId().equals(maintenance)) {
            throw new IllegalStateException("machine " + machineId + " is not in maintenance for work order "
                    + command.workOrderId() + (maintenance == null ? "" : " (it is for " + maintenance + ")"));
        }
        apply(new MaintenanceEnded(machineId, command.workOrderId(), command.endedAt()));
        if (command.toolChanged() != null) {
            apply(new ToolChanged(machineId, command.toolChanged(), command.endedAt()));
        }
        return CommandOutcome.RECORDED;
    }

    @EventSourcingHandler
    private void on(ToolOffsetAdjustmentRequested event) {
        tools.requested(event.requestId(), event.offset(), event.deltaMm(), event.characteristicId().value());
    }

    @EventSourcingHandler
    private void on(ToolOffsetAdjustmentRejected event) {
        tools.rejected(event.requestId());
    }

    @EventSourcingHandler
    private void on(ToolOffsetAdjustmentApplied event) {
        tools.applied(event.requestId());
    }

    @EventSourcingHandler
    private void on(ToolOffsetAdjustmentFailed event) {
        tools.failed(event.requestId());
    }

    @EventSourcingHandler
    private void on(ToolChanged event) {
        tools.toolChanged(event.tool());
    }

    @EventSourcingHandler
    private void on(MachinePutOnHold event) {
        holds.add(event.nonConformanceId());
    }

    @EventSourcingHandler
    private void on(MachineHoldReleased event) {
        holds.remove(event.nonConformanceId());
    }

    @EventSourcingHandler
    private void on(MaintenanceStarted event) {
        maintenance = event.workOrderId();
    }

    @EventSourcingHandler
    private void on(MaintenanceEnded event) {
        maintenance = null;
    }

    @EventSourcingHandler
    private void on(MachineRegistered event) {
        machineId = event.machineId();
        state = MachineState.OFFLINE;
    }

    @EventSourcingHandler
    private void on(MachineStateChanged event) {
        state = event.to();
        recentMessageIds.remember(event.sourceMessageId());
    }

    @EventSourcingHandler
    private void on(MachineConnectionLost event) {
        connectionLostSince = event.observedAt();
    }

    @EventSourcingHandler
    private void on(MachineConnectionRestored event) {
        connectionLostSince = null;
    }

    @EventSourcingHandler
    private void on(MachineDataGapDetected event) {
        recentMessageIds.remember(event.sourceMessageId());
    }

    @EventSourcingHandler
    private void on(AlarmRaised event) {
        activeAlarms.add(event.alarmCode());
        recentMessageIds.remember(event.sourceMessageId());
    }

    @EventSourcingHandler
    private void on(AlarmCleared event) {
        activeAlarms.remove(event.alarmCode());
        recentMessageIds.remember(event.sourceMessageId());
    }

    @EventSourcingHandler
    private void on(CycleCompleted event) {
        cycleCount = event.cycleCount();
        recentMessageIds.remember(event.sourceMessageId());
    }
}
