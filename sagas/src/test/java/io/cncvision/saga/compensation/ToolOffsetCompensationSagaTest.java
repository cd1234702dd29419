package io.cncvision.saga.compensation;

import static io.cncvision.saga.Commands.a;
import static io.cncvision.saga.Commands.exactly;

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
import io.cncvision.api.value.MachineId;
import io.cncvision.api.value.NonConformanceId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.test.saga.FixtureConfiguration;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every path of the tool-offset reaction, each ending the saga, timeouts included. */
class ToolOffsetCompensationSagaTest {

    static final CharacteristicId BORE = CharacteristicId.of("pn1234-bore");
    static final MachineId LATHE = MachineId.of("lathe-1");
    static final Instant T0 = Instant.parse("2026-11-25T08:00:00Z");
    static final CompensationPlan PLAN = new CompensationPlan(LATHE, "T1.wear.x", 1.0, 0.010, 0.050, 2, 3,
            Duration.ofSeconds(5), Duration.ofSeconds(2), Duration.ofMinutes(10));
    static final String REQUEST_1 = "pn1234-bore/20/1";
    static final String REQUEST_2 = "pn1234-bore/20/2";

    private FixtureConfiguration fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(ToolOffsetCompensationSaga.class);
        fixture.givenCurrentTime(T0);
    }

    /** Subgroup n is observed n seconds after T0: after the first correction's dead time from subgroup 3 on. */
    static Instant observed(long subgroup) {
        return T0.plusSeconds(subgroup);
    }

    static CorrectionProposed proposed(long subgroup, double correction) {
        return new CorrectionProposed(BORE, subgroup, "NELSON_1", List.of(subgroup), 12.006, 12.0, correction, PLAN,
                observed(subgroup));
    }

    static ToolOffsetAdjustmentApplied applied(String request, double delta) {
        return new ToolOffsetAdjustmentApplied(LATHE, request, "T1.wear.x", delta, 0.0, delta, BORE, T0.plusMillis(80));
    }

    static SubgroupCompleted completed(long subgroup) {
        return completed(subgroup, observed(subgroup));
    }

    static SubgroupCompleted completed(long subgroup, Instant at) {
        return new SubgroupCompleted(BORE, subgroup, List.of(12.0), 12.0, 0, 0, at, null);
    }

    static OutOfControlSignalled signalled(long subgroup, String rule) {
        return new OutOfControlSignalled(BORE, subgroup, rule, List.of(subgroup), 12.006, 12.0, 11.99, 12.005, T0);
    }

    @Test
    void aProposedCorrectionIsAskedOfTheMachineWithTheWriteDeadline() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(proposed(20, -0.006))
                .expectActiveSagas(1)
                .expectDispatchedCommands(new AdjustToolOffset(LATHE, REQUEST_1, "T1.wear.x", -0.006, 0.010, 0.050,
                        BORE, T0, T0.plusSeconds(5)))
                .expectScheduledDeadlineWithName(Duration.ofSeconds(5), ToolOffsetCompensationSaga.CONFIRMATION);
    }

    @Test
    void aWrittenCorrectionIsNotedSoTheRunRulesJudgeAfresh() {
        fixture.givenAPublished(proposed(20, -0.006))
                .whenPublishingA(applied(REQUEST_1, -0.006))
                .expectDispatchedCommands(new NoteProcessAdjustment(BORE, REQUEST_1, T0.plusMillis(80),
                        T0.plusMillis(2080)))
                .expectNoScheduledDeadlineWithName(Duration.ofSeconds(5), ToolOffsetCompensationSaga.CONFIRMATION)
                .expectScheduledDeadlineWithName(Duration.ofMinutes(10).plusSeconds(2),
                        ToolOffsetCompensationSaga.VERIFICATION);
    }

    @Test
    void theProcessBackInControlForThePlansSubgroupsEndsIt() {
        fixture.givenAPublished(proposed(20, -0.006)).andThenAPublished(applied(REQUEST_1, -0.006))
                .andThenAPublished(completed(21)).andThenAPublished(completed(22)).andThenAPublished(completed(23))
                .whenPublishingA(completed(24))
                .expectActiveSagas(0)
                .expectDispatchedCommandsMatching(exactly(a(ConcludeCompensation.class,
                        c -> c.outcome() == CompensationOutcome.BACK_IN_CONTROL && c.corrections() == 1
                                && c.signalSubgroup() == 20 && c.nonConformanceId() == null
                                && Math.abs(c.totalCorrectionMm() + 0.006) < 1e-12)))
                .expectNoScheduledDeadlines();
    }

    @Test
    void aSignalOfASubgroupAfterTheAdjustmentStartsTheCountAgain() {
        fixture.givenAPublished(proposed(20, -0.006)).andThenAPublished(applied(REQUEST_1, -0.006))
                .andThenAPublished(completed(22)).andThenAPublished(completed(23))
                .andThenAPublished(signalled(23, "MR_1"))
                .andThenAPublished(completed(24)).andThenAPublished(completed(25))
                .whenPublishingA(completed(26))
                .expectActiveSagas(1)
                .expectNoDispatchedCommands();
    }

    @Test
    void subgroupsOfPartsCutBeforeTheCorrectionDoNotCount() {
        // Written at T0 + 80 ms with 2 s of dead time: what is observed before T0 + 2.08 s was cut before it.
        fixture.givenAPublished(proposed(20, -0.006)).andThenAPublished(applied(REQUEST_1, -0.006))
                .andThenAPublished(completed(27, T0.plusMillis(500))).andThenAPublished(completed(28, T0.plusSeconds(1)))
                .andThenAPublished(completed(29, T0.plusSeconds(2)))
                .whenPublishingA(completed(30, T0.plusMillis(2050)))
                .expectActiveSagas(1)
                .expectNoDispatchedCommands();
    }

    @Test
    void signalsOfPartsCutBeforeTheCorrectionChangeNothing() {
        fixture.givenAPublished(proposed(20, -0.006)).andThenAPublished(applied(REQUEST_1, -0.006))
                .whenPublishingA(new CorrectionProposed(BORE, 21, "NELSON_1", List.of(21L), 12.006, 12.0, -0.006, PLAN,
                        T0.plusSeconds(1)))
                .expectActiveSagas(1)
                .expectNoDispatchedCommands();
    }

    @Test
    void signalsOfPartsMadeWhileTheCorrectionIsWrittenChangeNothing() {
        fixture.givenAPublished(proposed(20, -0.006))
                .whenPublishingA(proposed(21, -0.007))
                .expectActiveSagas(1)
                .expectNoDispatchedCommands();
    }

    @Test
    void stillOutOfControlAfterACorrectionGetsAnotherUpToThePlansAttempts() {
        fixture.givenAPublished(proposed(20, -0.006)).andThenAPublished(applied(REQUEST_1, -0.006))
                .whenPublishingA(proposed(23, -0.004))
                .expectActiveSagas(1)
                .expectDispatchedCommands(new AdjustToolOffset(LATHE, REQUEST_2, "T1.wear.x", -0.004, 0.010, 0.050,
                        BORE, T0, T0.plusSeconds(5)))
                .expectScheduledDeadlineWithName(Duration.ofSeconds(5), ToolOffsetCompensationSaga.CONFIRMATION)
                .expectNoScheduledDeadlineWithName(Duration.ofMinutes(10), ToolOffsetCompensationSaga.VERIFICATION);
    }

    @Test
    void stillOutOfControlAfterThePlansLastCorrectionOpensANonConformanceAndHoldsTheMachine() {
        fixture.givenAPublished(proposed(20, -0.006)).andThenAPublished(applied(REQUEST_1, -0.006))
                .andThenAPublished(proposed(23, -0.004)).andThenAPublished(applied(REQUEST_2, -0.004))
                .whenPublishingA(proposed(25, -0.003))
                .expectActiveSagas(0)
                .expectDispatchedCommandsMatching(exactly(
                        a(OpenNonConformance.class, nc -> nc.source() == NonConformanceSource.OUT_OF_CONTROL
                                && nc.machineId().equals(LATHE) && nc.characteristicId().equals(BORE)
                                && nc.description().contains("after 2 correction(s)")),
                        a(PlaceMachineOnHold.class, hold -> hold.machineId().equals(LATHE)),
                        a(ConcludeCompensation.class, c -> c.outcome() == CompensationOutcome.STILL_OUT_OF_CONTROL
                                && c.corrections() == 2 && c.nonConformanceId() != null)))
                .expectNoScheduledDeadlines();
    }

    @Test
    void noConfirmationInTimeOpensANonConformanceAndHoldsTheMachine() {
        fixture.givenAPublished(proposed(20, -0.006))
                .whenTimeElapses(Duration.ofSeconds(6))
                .expectActiveSagas(0)
                .expectTriggeredDeadlinesWithName(ToolOffsetCompensationSaga.CONFIRMATION)
                .expectDispatchedCommandsMatching(exactly(
                        a(OpenNonConformance.class, nc -> nc.description().contains("did not confirm")),
                        a(PlaceMachineOnHold.class),
                        a(ConcludeCompensation.class, c -> c.outcome() == CompensationOutcome.NOT_CONFIRMED)));
    }

    @Test
    void aRefusedCorrectionOpensANonConformanceAndHoldsTheMachine() {
        fixture.givenAPublished(proposed(20, -0.006))
                .whenPublishingA(new ToolOffsetAdjustmentRejected(LATHE, REQUEST_1, "T1.wear.x", -0.006, BORE,
                        "the corrections of T1.wear.x since its tool was changed total -0.0500 mm", null, T0))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines()
                .expectDispatchedCommandsMatching(exactly(
                        a(OpenNonConformance.class, nc -> nc.description().contains("total -0.0500 mm")),
                        a(PlaceMachineOnHold.class),
                        a(ConcludeCompensation.class, c -> c.outcome() == CompensationOutcome.REFUSED)));
    }

    @Test
    void aCorrectionRefusedBecauseTheMachineIsHeldConcludesUnderTheHoldsNonConformance() {
        NonConformanceId held = NonConformanceId.of("NCR-20261125-00000000AA");
        fixture.givenAPublished(proposed(20, -0.006))
                .whenPublishingA(new ToolOffsetAdjustmentRejected(LATHE, REQUEST_1, "T1.wear.x", -0.006, BORE,
                        "machine lathe-1 is on quality hold under " + held, held, T0))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines()
                .expectDispatchedCommandsMatching(exactly(
                        a(ConcludeCompensation.class, c -> c.outcome() == CompensationOutcome.REFUSED
                                && held.equals(c.nonConformanceId()))));
    }

    @Test
    void aFailedWriteOpensANonConformanceAndHoldsTheMachine() {
        fixture.givenAPublished(proposed(20, -0.006))
                .whenPublishingA(new ToolOffsetAdjustmentFailed(LATHE, REQUEST_1, "T1.wear.x", -0.006, BORE,
                        "machine lathe-1 is not connected", T0))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines()
                .expectDispatchedCommandsMatching(exactly(
                        a(OpenNonConformance.class, nc -> nc.description().contains("not connected")),
                        a(PlaceMachineOnHold.class),
                        a(ConcludeCompensation.class, c -> c.outcome() == CompensationOutcome.NOT_CONFIRMED)));
    }

    @Test
    void tooFewSubgroupsInTheVerificationTimeEndItUnverifiedWithoutANonConformance() {
        fixture.givenAPublished(proposed(20, -0.006)).andThenAPublished(applied(REQUEST_1, -0.006))
                .andThenAPublished(completed(22))
                .whenTimeElapses(Duration.ofMinutes(11))
                .expectActiveSagas(0)
                .expectDispatchedCommandsMatching(exactly(
                        a(ConcludeCompensation.class, c -> c.outcome() == CompensationOutcome.UNVERIFIED
                                && c.nonConformanceId() == null)));
    }
}
