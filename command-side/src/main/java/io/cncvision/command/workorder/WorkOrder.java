package io.cncvision.command.workorder;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.cncvision.api.CommandOutcome;
import io.cncvision.api.value.MachineId;
import io.cncvision.api.value.WorkOrderId;
import io.cncvision.api.workorder.CompleteWorkOrder;
import io.cncvision.api.workorder.OverdueStage;
import io.cncvision.api.workorder.RecordWorkOrderOverdue;
import io.cncvision.api.workorder.ScheduleWorkOrder;
import io.cncvision.api.workorder.StartWorkOrder;
import io.cncvision.api.workorder.WorkOrderCompleted;
import io.cncvision.api.workorder.WorkOrderOverdue;
import io.cncvision.api.workorder.WorkOrderScheduled;
import io.cncvision.api.workorder.WorkOrderStarted;
import io.cncvision.api.workorder.WorkOrderStatus;
import java.util.EnumSet;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A maintenance work order, from scheduled to started to completed, in that order and once each; a deadline it
 * missed is recorded on it, so the maintenance register shows which work came late.
 */
@Aggregate
public class WorkOrder {

    @AggregateIdentifier
    private WorkOrderId workOrderId;
    private MachineId machineId;
    private WorkOrderStatus status;
    private Set<OverdueStage> overdue = EnumSet.noneOf(OverdueStage.class);

    /** For Axon and Jackson: rebuilds from events. */
    protected WorkOrder() {
    }

    // A second schedule of the same id fails in the event store: the API answers that the work order exists.
    @CommandHandler
    public WorkOrder(ScheduleWorkOrder command) {
        if (command.due().isBefore(command.scheduledAt())) {
            throw new IllegalArgumentException("due " + command.due() + " must not come before scheduledAt "
                    + command.scheduledAt());
        }
        apply(new WorkOrderScheduled(command.workOrderId(), command.machineId(), command.reason(), command.source(),
                command.component(), command.due(), command.scheduledAt()));
    }

    @CommandHandler
    public CommandOutcome handle(StartWorkOrder command) {
        if (status == WorkOrderStatus.STARTED) {
            return CommandOutcome.UNCHANGED;
        }
        if (status != WorkOrderStatus.SCHEDULED) {
            throw new IllegalStateException("work order " + workOrderId + " is " + status + " and cannot be started");
        }
        apply(new WorkOrderStarted(workOrderId, machineId, command.startedBy(), command.startedAt()));
        return CommandOutcome.RECORDED;
    }

    @CommandHandler
    public CommandOutcome handle(CompleteWorkOrder command) {
        if (status == WorkOrderStatus.COMPLETED) {
            return CommandOutcome.UNCHANGED;
        }
        if (status != WorkOrderStatus.STARTED) {
            throw new IllegalStateException("work order " + workOrderId + " is " + status
                    + " and must be started before it is completed");
        }
        apply(new WorkOrderCompleted(workOrderId, machineId, command.toolChanged(), command.note(),
                command.completedBy(), command.completedAt()));
        return CommandOutcome.RECORDED;
    }

    /** A deadline that fires as the work order moves on (started just before its due) records nothing. */
    @CommandHandler
    public CommandOutcome handle(RecordWorkOrderOverdue command) {
        WorkOrderStatus expected = command.stage() == OverdueStage.NOT_STARTED
                ? WorkOrderStatus.SCHEDULED : WorkOrderStatus.STARTED;
        if (status != expected || overdue.contains(command.stage())) {
            return CommandOutcome.UNCHANGED;
        }
        apply(new WorkOrderOverdue(workOrderId, machineId, command.stage(), command.deadline(), command.recordedAt()));
        return CommandOutcome.RECORDED;
    }

    @EventSourcingHandler
    private void on(WorkOrderScheduled event) {
        workOrderId = event.workOrderId();
        machineId = event.machineId();
        status = WorkOrderStatus.SCHEDULED;
    }

    @EventSourcingHandler
    private void on(WorkOrderStarted event) {
        status = WorkOrderStatus.STARTED;
    }

    @EventSourcingHandler
    private void on(WorkOrderCompleted event) {
        status = WorkOrderStatus.COMPLETED;
    }

    @EventSourcingHandler
    private void on(WorkOrderOverdue event) {
        overdue.add(event.stage());
    }
}
