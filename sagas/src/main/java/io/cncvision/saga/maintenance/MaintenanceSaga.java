package io.cncvision.saga.maintenance;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.cncvision.api.machine.EndMaintenance;
import io.cncvision.api.machine.StartMaintenance;
import io.cncvision.api.maintenance.MaintenancePredicted;
import io.cncvision.api.value.MachineId;
import io.cncvision.api.value.WorkOrderId;
import io.cncvision.api.workorder.OverdueStage;
import io.cncvision.api.workorder.RecordWorkOrderOverdue;
import io.cncvision.api.workorder.ScheduleWorkOrder;
import io.cncvision.api.workorder.WorkOrderCompleted;
import io.cncvision.api.workorder.WorkOrderScheduled;
import io.cncvision.api.workorder.WorkOrderSource;
import io.cncvision.api.workorder.WorkOrderStarted;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
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
 * From a failure prediction, or a person's request, to completed maintenance: a prediction below the machine's
 * plan schedules a work order; its start takes the machine into maintenance and its completion brings it back
 * (with the tool changed, if one was). A work order not started by its due, or not completed within the allowance
 * after its start, is recorded overdue on the work order and the saga ends: every path ends.
 *
 * <p>While a predicted work order is open, further predictions for its machine come to this saga, associated by
 * machine id, and schedule nothing more.
 */
@Saga
@ProcessingGroup("maintenance-saga")
public class MaintenanceSaga {

    static final String NOT_STARTED = "work-order-not-started";
    static final String NOT_COMPLETED = "work-order-not-completed";

    @Inject
    @JsonIgnore
    private transient CommandGateway commands;
    @Inject
    @JsonIgnore
    private transient DeadlineManager deadlines;
    @Inject
    @JsonIgnore
    private transient WorkOrderAllowance allowance;

    private MachineId machineId;
    private WorkOrderId workOrderId;
    private Instant due;
    private String notStartedDeadlineId;
    private Instant completionDeadline;
    private String notCompletedDeadlineId;

    @StartSaga
    @SagaEventHandler(associationProperty = "machineId")
    public void on(MaintenancePredicted event) {
        if (workOrderId != null) {
            return;
        }
        if (!event.belowThreshold()) {
            SagaLifecycle.end();
            return;
        }
        machineId = event.machineId();
        workOrderId = workOrderFor(event);
        // Due when the component is predicted to fail: work must start before then.
        due = event.predictedAt().plus(Duration.ofSeconds(Math.round(event.remainingLifeHours() * 3600)));
        SagaLifecycle.associateWith("workOrderId", workOrderId.value());
        // Waits for the work order's start from now, even should scheduling it fail.
        notStartedDeadlineId = deadlines.schedule(due, NOT_STARTED);
        commands.send(new ScheduleWorkOrder(workOrderId, machineId, String.format(Locale.ROOT,
                "%s: %.1f h of useful life left by model %s, below the plan's %.1f h", event.component(),
                event.remainingLifeHours(), event.modelVersion(), event.thresholdHours()),
                WorkOrderSource.PREDICTION, event.component(), due, event.predictedAt()));
    }

    /** A work order scheduled by a person starts a saga here; one this saga scheduled only confirms it. */
    @StartSaga
    @SagaEventHandler(associationProperty = "workOrderId")
    public void on(WorkOrderScheduled event) {
        if (notStartedDeadlineId != null) {
            return;
        }
        machineId = event.machineId();
        workOrderId = event.workOrderId();
        due = event.due();
        notStartedDeadlineId = deadlines.schedule(due, NOT_STARTED);
    }

    @SagaEventHandler(associationProperty = "workOrderId")
    public void on(WorkOrderStarted event) {
        deadlines.cancelSchedule(NOT_STARTED, notStartedDeadlineId);
        completionDeadline = event.startedAt().plus(allowance.completion());
        notCompletedDeadlineId = deadlines.schedule(completionDeadline, NOT_COMPLETED);
        commands.send(new StartMaintenance(machineId, workOrderId, event.startedAt()));
    }

    @SagaEventHandler(associationProperty = "workOrderId")
    public void on(WorkOrderCompleted event) {
        deadlines.cancelAllWithinScope(NOT_STARTED);
        deadlines.cancelAllWithinScope(NOT_COMPLETED);
        commands.send(new EndMaintenance(machineId, workOrderId, event.toolChanged(), event.completedAt()));
        SagaLifecycle.end();
    }

    @DeadlineHandler(deadlineName = NOT_STARTED)
    public void onNotStarted() {
        commands.send(new RecordWorkOrderOverdue(workOrderId, OverdueStage.NOT_STARTED, due, due));
        SagaLifecycle.end();
    }

    @DeadlineHandler(deadlineName = NOT_COMPLETED)
    public void onNotCompleted() {
        commands.send(new RecordWorkOrderOverdue(workOrderId, OverdueStage.NOT_COMPLETED, completionDeadline,
                completionDeadline));
        SagaLifecycle.end();
    }

    /** One work order per prediction, the same id however often the prediction is handled. */
    static WorkOrderId workOrderFor(MaintenancePredicted event) {
        String key = event.machineId().value() + "/" + event.component() + "/" + event.predictedAt();
        return WorkOrderId.of("wo-" + UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)));
    }
}
