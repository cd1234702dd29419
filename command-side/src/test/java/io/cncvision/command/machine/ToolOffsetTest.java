package io.cncvision.command.machine;

import static org.assertj.core.api.Assertions.assertThat;

import io.cncvision.api.CommandOutcome;
import io.cncvision.api.machine.AdjustToolOffset;
import io.cncvision.api.machine.ConfirmToolOffsetAdjustment;
import io.cncvision.api.machine.EndMaintenance;
import io.cncvision.api.machine.MachineHoldReleased;
import io.cncvision.api.machine.MachinePutOnHold;
import io.cncvision.api.machine.MachineRegistered;
import io.cncvision.api.machine.MaintenanceEnded;
import io.cncvision.api.machine.MaintenanceStarted;
import io.cncvision.api.machine.PlaceMachineOnHold;
import io.cncvision.api.machine.ReleaseMachineHold;
import io.cncvision.api.machine.ReportToolOffsetAdjustmentFailed;
import io.cncvision.api.machine.StartMaintenance;
import io.cncvision.api.machine.ToolChanged;
import io.cncvision.api.machine.ToolOffsetAdjustmentApplied;
import io.cncvision.api.machine.ToolOffsetAdjustmentFailed;
import io.cncvision.api.machine.ToolOffsetAdjustmentRejected;
import io.cncvision.api.machine.ToolOffsetAdjustmentRequested;
import io.cncvision.api.value.CharacteristicId;
import io.cncvision.api.value.MachineId;
import io.cncvision.api.value.NonConformanceId;
import io.cncvision.api.value.Protocol;
import io.cncvision.api.value.WorkOrderId;
import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tool offset corrections within the control plan's bounds, quality holds and maintenance. */
class ToolOffsetTest {

    static final MachineId LATHE = MachineId.of("lathe-1");
    static final CharacteristicId BORE = CharacteristicId.of("pn1234-bore");
    static final String OFFSET = "T1.wear.x";
    static final Instant T0 = Instant.parse("2026-11-25T07:00:00Z");
    static final Instant WRITE_BY = T0.plusSeconds(5);
    static final NonConformanceId NCR = NonConformanceId.of("NCR-20261125-000001");
    static final WorkOrderId WO = WorkOrderId.of("WO-1");
    static final MachineRegistered REGISTERED = new MachineRegistered(LATHE, "Lathe 1", Protocol.OPCUA, "opc.tcp://l1");

    private FixtureConfiguration<Machine> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Machine.class);
    }

    static AdjustToolOffset adjust(String request, double delta) {
        return new AdjustToolOffset(LATHE, request, OFFSET, delta, 0.010, 0.030, BORE, T0, WRITE_BY);
    }

    static ToolOffsetAdjustmentRequested requested(String request, double delta, double total) {
        return new ToolOffsetAdjustmentRequested(LATHE, request, OFFSET, delta, total, BORE, T0, WRITE_BY);
    }

    @Test
    void acceptsACorrectionWithinThePlan() {
        fixture.given(REGISTERED)
                .when(adjust("r1", -0.006))
                .expectResultMessagePayload(CommandOutcome.RECORDED)
                .expectEvents(requested("r1", -0.006, -0.006));
    }

    @Test
    void boundsAStepLargerThanThePlanAllowsToItsLargestStep() {
        fixture.given(REGISTERED)
                .when(adjust("r1", -0.025))
                .expectEvents(requested("r1", -0.010, -0.010));
    }

    @Test
    void boundsTheTotalSinceTheToolWasChangedCountingPendingRequests() {
        fixture.given(REGISTERED, requested("r1", -0.010, -0.010), requested("r2", -0.010, -0.020))
                .when(adjust("r3", -0.010 - 0.005))
                .expectEvents(requested("r3", -0.010, -0.030));
    }

    @Test
    void rejectsACorrectionOnceThePlansTotalIsSpent() {
        fixture.given(REGISTERED, requested("r1", -0.010, -0.010), requested("r2", -0.010, -0.020),
                        requested("r3", -0.010, -0.030))
                .when(adjust("r4", -0.004))
                .expectResultMessagePayload(CommandOutcome.RECORDED)
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(
                        org.axonframework.test.matchers.Matchers.exactSequenceOf(
                                org.axonframework.test.matchers.Matchers.predicate(event ->
                                        event instanceof ToolOffsetAdjustmentRejected rejected
                                                && rejected.reason().contains("total -0.0300 mm")),
                                org.axonframework.test.matchers.Matchers.andNoMore())));
    }

    @Test
    void aCorrectionInTheOtherDirectionIsAllowedWhenTheTotalIsSpent() {
        fixture.given(REGISTERED, requested("r1", -0.010, -0.010), requested("r2", -0.010, -0.020),
                        requested("r3", -0.010, -0.030))
                .when(adjust("r4", 0.004))
                .expectEvents(requested("r4", 0.004, -0.026));
    }

    @Test
    void aFailedCorrectionNoLongerCountsAgainstTheTotal() {
        fixture.given(REGISTERED, requested("r1", -0.010, -0.010), requested("r2", -0.010, -0.020),
                        requested("r3", -0.010, -0.030),
                        new ToolOffsetAdjustmentFailed(LATHE, "r3", OFFSET, -0.010, BORE, "not connected", T0))
                .when(adjust("r4", -0.010))
                .expectEvents(requested("r4", -0.010, -0.030));
    }

    @Test
    void aNewToolStartsFromNoCorrection() {
        fixture.given(REGISTERED, requested("r1", -0.010, -0.010), requested("r2", -0.010, -0.020),
                        requested("r3", -0.010, -0.030), new ToolChanged(LATHE, "T1", T0))
                .when(adjust("r4", -0.010))
                .expectEvents(requested("r4", -0.010, -0.010));
    }

    @Test
    void aRepeatedRequestRecordsNothing() {
        fixture.given(REGISTERED, requested("r1", -0.006, -0.006))
                .when(adjust("r1", -0.006))
                .expectResultMessagePayload(CommandOutcome.DUPLICATE)
                .expectNoEvents();
    }

    @Test
    void confirmingAWriteRecordsTheValueTheMachineHolds() {
        fixture.given(REGISTERED, requested("r1", -0.006, -0.006))
                .when(new ConfirmToolOffsetAdjustment(LATHE, "r1", 0.002, -0.004, T0.plusMillis(40)))
                .expectEvents(new ToolOffsetAdjustmentApplied(LATHE, "r1", OFFSET, -0.006, 0.002, -0.004, BORE,
                        T0.plusMillis(40)));
    }

    @Test
    void aSecondConfirmationRecordsNothing() {
        fixture.given(REGISTERED, requested("r1", -0.006, -0.006),
                        new ToolOffsetAdjustmentApplied(LATHE, "r1", OFFSET, -0.006, 0.0, -0.006, BORE, T0))
                .when(new ConfirmToolOffsetAdjustment(LATHE, "r1", 0.0, -0.006, T0))
                .expectResultMessagePayload(CommandOutcome.UNCHANGED)
                .expectNoEvents();
    }

    @Test
    void refusesToConfirmARequestThatWasNeverMade() {
        fixture.given(REGISTERED)
                .when(new ConfirmToolOffsetAdjustment(LATHE, "r9", 0.0, -0.006, T0))
                .expectException(IllegalStateException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("no offset correction r9"));
    }

    @Test
    void aFailedWriteIsRecordedWithItsReason() {
        fixture.given(REGISTERED, requested("r1", -0.006, -0.006))
                .when(new ReportToolOffsetAdjustmentFailed(LATHE, "r1", "machine lathe-1 is not connected", T0))
                .expectEvents(new ToolOffsetAdjustmentFailed(LATHE, "r1", OFFSET, -0.006, BORE,
                        "machine lathe-1 is not connected", T0));
    }

    @Test
    void aMachineOnHoldTakesNoCorrection() {
        fixture.given(REGISTERED, new MachinePutOnHold(LATHE, NCR, "still out of control", T0))
                .when(adjust("r1", -0.006))
                .expectEvents(new ToolOffsetAdjustmentRejected(LATHE, "r1", OFFSET, -0.006, BORE,
                        "machine lathe-1 is on quality hold under NCR-20261125-000001", NCR, T0));
    }

    @Test
    void aHoldIsPlacedOnceAndReleasedOnce() {
        fixture.given(REGISTERED, new MachinePutOnHold(LATHE, NCR, "still out of control", T0))
                .when(new PlaceMachineOnHold(LATHE, NCR, "again", T0))
                .expectResultMessagePayload(CommandOutcome.UNCHANGED)
                .expectNoEvents();
        fixture.given(REGISTERED, new MachinePutOnHold(LATHE, NCR, "still out of control", T0))
                .when(new ReleaseMachineHold(LATHE, NCR, "root cause removed", T0))
                .expectEvents(new MachineHoldReleased(LATHE, NCR, "root cause removed", T0));
        fixture.given(REGISTERED)
                .when(new ReleaseMachineHold(LATHE, NCR, "not held", T0))
                .expectResultMessagePayload(CommandOutcome.UNCHANGED)
                .expectNoEvents();
    }

    @Test
    void maintenanceEndsWithTheToolChangedAndRefusesAnotherWorkOrderMeanwhile() {
        fixture.given(REGISTERED)
                .when(new StartMaintenance(LATHE, WO, T0))
                .expectEvents(new MaintenanceStarted(LATHE, WO, T0));
        fixture.given(REGISTERED, new MaintenanceStarted(LATHE, WO, T0))
                .when(new StartMaintenance(LATHE, WorkOrderId.of("WO-2"), T0))
                .expectException(IllegalStateException.class);
        fixture.given(REGISTERED, new MaintenanceStarted(LATHE, WO, T0))
                .when(new EndMaintenance(LATHE, WO, "T1", T0.plusSeconds(600)))
                .expectEvents(new MaintenanceEnded(LATHE, WO, T0.plusSeconds(600)),
                        new ToolChanged(LATHE, "T1", T0.plusSeconds(600)));
        fixture.given(REGISTERED)
                .when(new EndMaintenance(LATHE, WO, null, T0))
                .expectException(IllegalStateException.class);
        fixture.given(REGISTERED, new MaintenanceStarted(LATHE, WO, T0))
                .when(adjust("r1", -0.006))
                .expectEvents(new ToolOffsetAdjustmentRejected(LATHE, "r1", OFFSET, -0.006, BORE,
                        "machine lathe-1 is in maintenance for work order WO-1", null, T0));
    }

    @Test
    void boundingKeepsTheDirectionAskedFor() {
        ToolTable table = new ToolTable();
        table.requested("a", OFFSET, 0.030, "c");
        assertThat(table.bounded(OFFSET, 0.001, 0.010, 0.030)).isZero();
        assertThat(table.bounded(OFFSET, -0.004, 0.010, 0.030)).isEqualTo(-0.004, org.assertj.core.data.Offset.offset(1e-12));
    }
}
