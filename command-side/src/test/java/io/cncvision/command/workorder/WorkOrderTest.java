package io.cncvision.command.workorder;

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
import io.cncvision.api.workorder.WorkOrderSource;
import io.cncvision.api.workorder.WorkOrderStarted;
import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WorkOrderTest {

    static final WorkOrderId WO = WorkOrderId.of("wo-1");
    static final MachineId MILL = MachineId.of("mill-01");
    static final Instant T0 = Instant.parse("2026-11-25T07:00:00Z");
    static final Instant DUE = T0.plusSeconds(86_400);
    static final Instant T1 = T0.plusSeconds(3_600);
    static final Instant T2 = T1.plusSeconds(3_600);
    static final WorkOrderScheduled SCHEDULED = new WorkOrderScheduled(WO, MILL, "spindle bearing noise",
            WorkOrderSource.PERSON, "spindle", DUE, T0);
    static final WorkOrderStarted STARTED = new WorkOrderStarted(WO, MILL, "tech-tom", T1);
    static final WorkOrderCompleted COMPLETED = new WorkOrderCompleted(WO, MILL, "T1", "bearing replaced", "tech-tom", T2);

    private FixtureConfiguration<WorkOrder> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(WorkOrder.class);
    }

    @Test
    void schedulingRecordsTheWorkOrder() {
        fixture.givenNoPriorActivity()
                .when(new ScheduleWorkOrder(WO, MILL, "spindle bearing noise", WorkOrderSource.PERSON, "spindle", DUE, T0))
                .expectEvents(SCHEDULED);
    }

    @Test
    void refusesAWorkOrderDueBeforeItIsScheduled() {
        fixture.givenNoPriorActivity()
                .when(new ScheduleWorkOrder(WO, MILL, "noise", WorkOrderSource.PERSON, null, T0.minusSeconds(1), T0))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
    }

    @Test
    void aScheduledWorkOrderStarts() {
        fixture.given(SCHEDULED)
                .when(new StartWorkOrder(WO, "tech-tom", T1))
                .expectResultMessagePayload(CommandOutcome.RECORDED)
                .expectEvents(STARTED);
    }

    @Test
    void startingAgainRecordsNothing() {
        fixture.given(SCHEDULED, STARTED)
                .when(new StartWorkOrder(WO, "tech-tom", T2))
                .expectResultMessagePayload(CommandOutcome.UNCHANGED)
                .expectNoEvents();
    }

    @Test
    void refusesToStartACompletedWorkOrder() {
        fixture.given(SCHEDULED, STARTED, COMPLETED)
                .when(new StartWorkOrder(WO, "tech-tom", T2))
                .expectException(IllegalStateException.class)
                .expectNoEvents();
    }

    @Test
    void aStartedWorkOrderCompletesWithTheToolChanged() {
        fixture.given(SCHEDULED, STARTED)
                .when(new CompleteWorkOrder(WO, "T1", "bearing replaced", "tech-tom", T2))
                .expectResultMessagePayload(CommandOutcome.RECORDED)
                .expectEvents(COMPLETED);
    }

    @Test
    void refusesToCompleteAWorkOrderNotStarted() {
        fixture.given(SCHEDULED)
                .when(new CompleteWorkOrder(WO, null, null, "tech-tom", T2))
                .expectException(IllegalStateException.class)
                .expectNoEvents();
    }

    @Test
    void completingAgainRecordsNothing() {
        fixture.given(SCHEDULED, STARTED, COMPLETED)
                .when(new CompleteWorkOrder(WO, "T1", "again", "tech-tom", T2))
                .expectResultMessagePayload(CommandOutcome.UNCHANGED)
                .expectNoEvents();
    }

    @Test
    void aWorkOrderNotStartedByItsDueIsOverdue() {
        fixture.given(SCHEDULED)
                .when(new RecordWorkOrderOverdue(WO, OverdueStage.NOT_STARTED, DUE, DUE))
                .expectResultMessagePayload(CommandOutcome.RECORDED)
                .expectEvents(new WorkOrderOverdue(WO, MILL, OverdueStage.NOT_STARTED, DUE, DUE));
    }

    @Test
    void aWorkOrderNotCompletedInTimeIsOverdue() {
        fixture.given(SCHEDULED, STARTED)
                .when(new RecordWorkOrderOverdue(WO, OverdueStage.NOT_COMPLETED, T2, T2))
                .expectResultMessagePayload(CommandOutcome.RECORDED)
                .expectEvents(new WorkOrderOverdue(WO, MILL, OverdueStage.NOT_COMPLETED, T2, T2));
    }

    @Test
    void aWorkOrderThatMovedOnIsNotOverdue() {
        fixture.given(SCHEDULED, STARTED)
                .when(new RecordWorkOrderOverdue(WO, OverdueStage.NOT_STARTED, DUE, DUE))
                .expectResultMessagePayload(CommandOutcome.UNCHANGED)
                .expectNoEvents();
        fixture.given(SCHEDULED, STARTED, COMPLETED)
                .when(new RecordWorkOrderOverdue(WO, OverdueStage.NOT_COMPLETED, T2, T2))
                .expectResultMessagePayload(CommandOutcome.UNCHANGED)
                .expectNoEvents();
    }

    @Test
    void anOverdueIsRecordedOnce() {
        fixture.given(SCHEDULED, new WorkOrderOverdue(WO, MILL, OverdueStage.NOT_STARTED, DUE, DUE))
                .when(new RecordWorkOrderOverdue(WO, OverdueStage.NOT_STARTED, DUE, DUE.plusSeconds(1)))
                .expectResultMessagePayload(CommandOutcome.UNCHANGED)
                .expectNoEvents();
    }
}
