package io.cncvision.command.machine;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.cncvision.api.CommandOutcome;
import io.cncvision.api.machine.AlarmCleared;
import io.cncvision.api.machine.AlarmRaised;
import io.cncvision.api.machine.ClearAlarm;
import io.cncvision.api.machine.CompleteCycle;
import io.cncvision.api.machine.CycleCompleted;
import io.cncvision.api.machine.MachineConnectionLost;
import io.cncvision.api.machine.MachineConnectionRestored;
import io.cncvision.api.machine.MachineDataGapDetected;
import io.cncvision.api.machine.MachineRegistered;
import io.cncvision.api.machine.MachineStateChanged;
import io.cncvision.api.machine.RaiseAlarm;
import io.cncvision.api.machine.RegisterMachine;
import io.cncvision.api.machine.ReportConnectionLost;
import io.cncvision.api.machine.ReportDataGap;
import io.cncvision.api.machine.ReportConnectionRestored;
import io.cncvision.api.machine.ReportMachineState;
import io.cncvision.api.value.MachineId;
import io.cncvision.api.value.MachineState;
import io.cncvision.command.RecentMessageIds;
import java.time.Instant;
import java.util.LinkedHashSet;
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
