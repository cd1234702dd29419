package io.cncvision.saga.maintenance;

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
import java.time.Duration;
import java.time.Instant;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MaintenanceSagaTest {

    static final MachineId MILL = MachineId.of("mill-01");
    static final Instant T0 = Instant.parse("2026-11-25T07:00:00Z");
    static final Duration ALLOWANCE = Duration.ofHours(8);
    // 30 h of life left: the work order is due 30 h after the prediction.
    static final MaintenancePredicted BELOW = new MaintenancePredicted(MILL, "spindle", 30.0, 48.0, true, T0, "rul-1.2");
    static final Instant DUE = T0.plus(Duration.ofHours(30));
    static final WorkOrderId WO = MaintenanceSaga.workOrderFor(BELOW);
    static final Instant STARTED_AT = T0.plus(Duration.ofHours(2));
    static final Instant COMPLETED_AT = STARTED_AT.plus(Duration.ofHours(3));

    private SagaTestFixture<MaintenanceSaga> fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(MaintenanceSaga.class);
        fixture.registerResource(new WorkOrderAllowance(ALLOWANCE));
        fixture.givenCurrentTime(T0);
    }

    static WorkOrderScheduled scheduled(WorkOrderSource source) {
        return new WorkOrderScheduled(WO, MILL, "spindle wear", source, "spindle", DUE, T0);
    }

    @Test
    void aPredictionBelowThePlanSchedulesAWorkOrderDueWhenTheComponentIsPredictedToFail() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(BELOW)
                .expectActiveSagas(1)
                .expectDispatchedCommands(new ScheduleWorkOrder(WO, MILL,
                        "spindle: 30.0 h of useful life left by model rul-1.2, below the plan's 48.0 h",
                        WorkOrderSource.PREDICTION, "spindle", DUE, T0))
                .expectScheduledDeadlineWithName(DUE, MaintenanceSaga.NOT_STARTED);
    }

    @Test
    void aPredictionAboveThePlanEndsAtOnce() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(new MaintenancePredicted(MILL, "spindle", 60.0, 48.0, false, T0, "rul-1.2"))
                .expectActiveSagas(0)
                .expectNoDispatchedCommands()
                .expectNoScheduledDeadlines();
    }

    @Test
    void furtherPredictionsWhileAWorkOrderIsOpenScheduleNothing() {
        fixture.givenAPublished(BELOW)
                .whenPublishingA(new MaintenancePredicted(MILL, "spindle", 20.0, 48.0, true, T0.plusSeconds(600),
                        "rul-1.2"))
                .expectActiveSagas(1)
                .expectNoDispatchedCommands();
    }

    @Test
    void theStartTakesTheMachineIntoMaintenanceAndWaitsForCompletion() {
        fixture.givenAPublished(BELOW)
                .andThenAPublished(scheduled(WorkOrderSource.PREDICTION))
                .whenPublishingA(new WorkOrderStarted(WO, MILL, "tech-tom", STARTED_AT))
                .expectDispatchedCommands(new StartMaintenance(MILL, WO, STARTED_AT))
                .expectNoScheduledDeadlineWithName(DUE, MaintenanceSaga.NOT_STARTED)
                .expectScheduledDeadlineWithName(STARTED_AT.plus(ALLOWANCE), MaintenanceSaga.NOT_COMPLETED)
                .expectActiveSagas(1);
    }

    @Test
    void completionBringsTheMachineBackWithTheToolChangedAndEnds() {
        fixture.givenAPublished(BELOW)
                .andThenAPublished(scheduled(WorkOrderSource.PREDICTION))
                .andThenAPublished(new WorkOrderStarted(WO, MILL, "tech-tom", STARTED_AT))
                .whenPublishingA(new WorkOrderCompleted(WO, MILL, "T1", "bearing replaced", "tech-tom", COMPLETED_AT))
                .expectDispatchedCommands(new EndMaintenance(MILL, WO, "T1", COMPLETED_AT))
                .expectNoScheduledDeadlines()
                .expectActiveSagas(0);
    }

    @Test
    void aWorkOrderNotStartedByItsDueIsEscalatedAndTheSagaEnds() {
        fixture.givenAPublished(BELOW)
                .andThenAPublished(scheduled(WorkOrderSource.PREDICTION))
                .whenTimeAdvancesTo(DUE)
                .expectTriggeredDeadlinesWithName(MaintenanceSaga.NOT_STARTED)
                .expectDispatchedCommands(new RecordWorkOrderOverdue(WO, OverdueStage.NOT_STARTED, DUE, DUE))
                .expectActiveSagas(0);
    }

    @Test
    void aWorkOrderWhoseSchedulingWasLostStillEndsAtItsDue() {
        fixture.givenAPublished(BELOW)
                .whenTimeElapses(Duration.ofHours(30))
                .expectDispatchedCommands(new RecordWorkOrderOverdue(WO, OverdueStage.NOT_STARTED, DUE, DUE))
                .expectActiveSagas(0);
    }

    @Test
    void aWorkOrderNotCompletedWithinTheAllowanceIsEscalatedAndTheSagaEnds() {
        Instant limit = STARTED_AT.plus(ALLOWANCE);
        fixture.givenAPublished(BELOW)
                .andThenAPublished(scheduled(WorkOrderSource.PREDICTION))
                .andThenAPublished(new WorkOrderStarted(WO, MILL, "tech-tom", STARTED_AT))
                .whenTimeAdvancesTo(limit)
                .expectTriggeredDeadlinesWithName(MaintenanceSaga.NOT_COMPLETED)
                .expectDispatchedCommands(new RecordWorkOrderOverdue(WO, OverdueStage.NOT_COMPLETED, limit, limit))
                .expectActiveSagas(0);
    }

    @Test
    void aStartedWorkOrderIsNotEscalatedAtItsDue() {
        fixture.givenAPublished(BELOW)
                .andThenAPublished(scheduled(WorkOrderSource.PREDICTION))
                .andThenAPublished(new WorkOrderStarted(WO, MILL, "tech-tom", STARTED_AT))
                .andThenAPublished(new WorkOrderCompleted(WO, MILL, null, null, "tech-tom", COMPLETED_AT))
                .whenTimeElapses(Duration.ofDays(3))
                .expectNoDispatchedCommands()
                .expectActiveSagas(0);
    }

    @Test
    void aWorkOrderAPersonScheduledIsFollowedToo() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(scheduled(WorkOrderSource.PERSON))
                .expectActiveSagas(1)
                .expectNoDispatchedCommands()
                .expectScheduledDeadlineWithName(DUE, MaintenanceSaga.NOT_STARTED);
    }

    @Test
    void aPersonsWorkOrderRunsToCompletion() {
        fixture.givenAPublished(scheduled(WorkOrderSource.PERSON))
                .andThenAPublished(new WorkOrderStarted(WO, MILL, "tech-tom", STARTED_AT))
                .whenPublishingA(new WorkOrderCompleted(WO, MILL, null, "checked", "tech-tom", COMPLETED_AT))
                .expectDispatchedCommands(new EndMaintenance(MILL, WO, null, COMPLETED_AT))
                .expectActiveSagas(0);
    }

    @Test
    void aPersonsWorkOrderNotStartedByItsDueIsEscalated() {
        fixture.givenAPublished(scheduled(WorkOrderSource.PERSON))
                .whenTimeAdvancesTo(DUE)
                .expectDispatchedCommands(new RecordWorkOrderOverdue(WO, OverdueStage.NOT_STARTED, DUE, DUE))
                .expectActiveSagas(0);
    }
}
