package io.cncvision.command.characteristic;

import static io.cncvision.command.characteristic.ControlLimitsTest.BORE;
import static io.cncvision.command.characteristic.ControlLimitsTest.IMR_LIMITS;
import static io.cncvision.command.characteristic.ControlLimitsTest.T0;
import static io.cncvision.command.characteristic.ControlLimitsTest.at;
import static io.cncvision.command.characteristic.ControlLimitsTest.imrBaseline;
import static io.cncvision.command.characteristic.ControlLimitsTest.measure;
import static org.assertj.core.api.Assertions.assertThat;

import io.cncvision.api.CommandOutcome;
import io.cncvision.api.characteristic.CharacteristicDefined;
import io.cncvision.api.characteristic.CompensationConcluded;
import io.cncvision.api.characteristic.CompensationOutcome;
import io.cncvision.api.characteristic.CompensationPlan;
import io.cncvision.api.characteristic.CompensationPlanned;
import io.cncvision.api.characteristic.ConcludeCompensation;
import io.cncvision.api.characteristic.ControlLimitsEstablished;
import io.cncvision.api.characteristic.CorrectionProposed;
import io.cncvision.api.characteristic.IdentifySuspects;
import io.cncvision.api.characteristic.MeasuredByGaugeOutOfCalibration;
import io.cncvision.api.characteristic.MeasurementRecorded;
import io.cncvision.api.characteristic.RecordMeasurement;
import io.cncvision.api.gauge.GaugeStatus;
import io.cncvision.api.characteristic.NoteProcessAdjustment;
import io.cncvision.api.characteristic.OutOfControlSignalled;
import io.cncvision.api.characteristic.PlanCompensation;
import io.cncvision.api.characteristic.ProcessAdjusted;
import io.cncvision.api.characteristic.SuspectPartsIdentified;
import io.cncvision.api.value.ChartType;
import io.cncvision.api.value.MachineId;
import io.cncvision.api.value.NonConformanceId;
import io.cncvision.api.value.Serial;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.BaseMatcher;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The reaction plan of a control-plan line: corrections proposed, adjustments noted, suspects named. */
class CompensationTest {

    static final CompensationPlan PLAN = new CompensationPlan(MachineId.of("lathe-1"), "T1.wear.x", 1.0, 0.5, 2.0, 3, 3,
            Duration.ofSeconds(5), Duration.ofSeconds(2), Duration.ofMinutes(10));
    static final CompensationPlanned PLANNED = new CompensationPlanned(BORE, PLAN, "q.engineer@plant-1");
    static final NonConformanceId NCR = NonConformanceId.of("NCR-20261125-000001");

    private FixtureConfiguration<Characteristic> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Characteristic.class);
    }

    static List<Object> with(List<Object> events, Object... more) {
        List<Object> all = new ArrayList<>(events);
        all.addAll(List.of(more));
        return all;
    }

    @Test
    void aSignalProposesTheCorrectionBackToNominalBoundedByThePlansLargestStep() {
        // Limits centre 10.25, UCL 11.58. 12.0 is beyond: the offset should move by -1.75 back to centre, at most -0.5.
        fixture.given(with(imrBaseline(IMR_LIMITS), PLANNED))
                .when(measure(12.0, 5))
                .expectEventsMatching(containing(new CorrectionProposed(BORE, 5, "NELSON_1", List.of(5L), 12.0, 10.25,
                        -0.5, PLAN, at(5))));
    }

    @Test
    void theCorrectionFollowsThePlansEffect() {
        CompensationPlan radius = new CompensationPlan(PLAN.machineId(), "T1.wear.z", -2.0, 0.5, 2.0, 3, 3,
                Duration.ofSeconds(5), Duration.ofSeconds(2), Duration.ofMinutes(10));
        fixture.given(with(imrBaseline(IMR_LIMITS), new CompensationPlanned(BORE, radius, "q")))
                .when(measure(10.0 + 0.6 + 1.4, 5))
                .expectEventsMatching(containing(new CorrectionProposed(BORE, 5, "NELSON_1", List.of(5L), 12.0, 10.25,
                        0.5, radius, at(5))));
        fixture.given(with(imrBaseline(IMR_LIMITS), new CompensationPlanned(BORE, radius, "q")))
                .when(measure(11.7, 5))
                .expectEventsMatching(containing(new CorrectionProposed(BORE, 5, "NELSON_1", List.of(5L), 11.7, 10.25,
                        0.5, radius, at(5))));
    }

    @Test
    void onAnEwmaChartTheLevelIsTheMeanOfTheLastSubgroupsAsTheStatisticLagsADrift() {
        // The EWMA (lambda 0.2) of a drift 10.6, 10.9, 11.2, 11.5 first leaves its limits at the fourth point, at
        // 10.77; the level the correction starts from is the last three values' mean, 11.2.
        ControlLimitsEstablished ewma = new ControlLimitsEstablished(BORE, 1, 4, "ewma", IMR_LIMITS.center(),
                IMR_LIMITS.center() - 3 * IMR_LIMITS.sigma() / 3, IMR_LIMITS.center() + 3 * IMR_LIMITS.sigma() / 3,
                IMR_LIMITS.sigma(), 0, 0, 0, "nelson", "q", "baseline", Map.of("lambda", 0.2, "L", 3.0));
        List<Object> history = ControlLimitsTest.history(ControlLimitsTest.defined(ChartType.EWMA, 1),
                ControlLimitsTest.individuals(1, 10.0, 10.5, 10.0, 10.5), ewma, PLANNED);
        history.addAll(ControlLimitsTest.individuals(5, 10.6, 10.9, 11.2));
        fixture.given(history)
                .when(measure(11.5, 8))
                .expectEventsMatching(containing(new CorrectionProposed(BORE, 8, "NELSON_1", List.of(6L, 7L, 8L),
                        (10.9 + 11.2 + 11.5) / 3, IMR_LIMITS.center(), -0.5, PLAN, at(8))));
    }

    @Test
    void withoutAPlanASignalProposesNothing() {
        fixture.given(imrBaseline(IMR_LIMITS))
                .when(measure(12.0, 5))
                .expectEventsMatching(none(CorrectionProposed.class));
    }

    @Test
    void aSpreadSignalProposesNothingAsNoOffsetNarrowsASpread() {
        // 9.0 then 10.7: both inside the limits, but their moving range of 1.7 is beyond the MR chart's 1.63.
        fixture.given(with(imrBaseline(IMR_LIMITS, 9.0), PLANNED))
                .when(measure(10.7, 6))
                .expectEventsMatching(allOf(containingType(OutOfControlSignalled.class), none(CorrectionProposed.class)));
    }

    @Test
    void afterAnAdjustmentTheRunRulesJudgeTheLaterSubgroupsAfresh() {
        double[] eightAbove = {10.5, 10.6, 10.5, 10.6, 10.5, 10.6, 10.5, 10.6};
        // Nelson 2: nine in a row on one side of the centre line.
        fixture.given(imrBaseline(IMR_LIMITS, eightAbove))
                .when(measure(10.5, 13))
                .expectEventsMatching(containingType(OutOfControlSignalled.class));
        fixture.given(with(imrBaseline(IMR_LIMITS, eightAbove), new ProcessAdjusted(BORE, "r1", 12, at(12), at(13))))
                .when(measure(10.5, 13))
                .expectEventsMatching(none(OutOfControlSignalled.class));
        // A value observed before the adjustment takes effect is of a part cut before it: judged as before.
        fixture.given(with(imrBaseline(IMR_LIMITS, eightAbove), new ProcessAdjusted(BORE, "r1", 12, at(12), at(14))))
                .when(measure(10.5, 13))
                .expectEventsMatching(containingType(OutOfControlSignalled.class));
    }

    @Test
    void noteAnAdjustmentOnce() {
        fixture.given(imrBaseline(IMR_LIMITS, 10.5))
                .when(new NoteProcessAdjustment(BORE, "lathe-1/r1", at(6), at(8)))
                .expectEvents(new ProcessAdjusted(BORE, "lathe-1/r1", 5, at(6), at(8)));
        fixture.given(with(imrBaseline(IMR_LIMITS, 10.5), new ProcessAdjusted(BORE, "lathe-1/r1", 5, at(6), at(8))))
                .when(new NoteProcessAdjustment(BORE, "lathe-1/r1", at(6), at(8)))
                .expectResultMessagePayload(CommandOutcome.UNCHANGED)
                .expectNoEvents();
    }

    @Test
    void aPlanIsRecordedOnceAndOnlyForAMeasuredCharacteristic() {
        fixture.given(imrBaseline(IMR_LIMITS))
                .when(new PlanCompensation(BORE, PLAN, "q.engineer@plant-1"))
                .expectEvents(PLANNED);
        fixture.given(with(imrBaseline(IMR_LIMITS), PLANNED))
                .when(new PlanCompensation(BORE, PLAN, "someone else"))
                .expectResultMessagePayload(CommandOutcome.UNCHANGED)
                .expectNoEvents();
        fixture.given(new CharacteristicDefined(BORE, "PN-1234", "burrs", ControlLimitsTest.SPEC, 1, ChartType.C))
                .when(new PlanCompensation(BORE, PLAN, "q"))
                .expectException(IllegalArgumentException.class);
    }

    @Test
    void aReactionIsConcludedOnce() {
        CompensationConcluded concluded = new CompensationConcluded(BORE, 5, CompensationOutcome.BACK_IN_CONTROL, 1,
                -0.5, null, "3 subgroups in control", at(9));
        fixture.given(with(imrBaseline(IMR_LIMITS), PLANNED))
                .when(new ConcludeCompensation(BORE, 5, CompensationOutcome.BACK_IN_CONTROL, 1, -0.5, null,
                        "3 subgroups in control", at(9)))
                .expectEvents(concluded);
        fixture.given(with(imrBaseline(IMR_LIMITS), PLANNED, concluded))
                .when(new ConcludeCompensation(BORE, 5, CompensationOutcome.BACK_IN_CONTROL, 1, -0.5, null, "again",
                        at(9)))
                .expectResultMessagePayload(CommandOutcome.UNCHANGED)
                .expectNoEvents();
    }

    @Test
    void theSuspectsOfABadPartAreThePartsSinceTheLastGoodSubgroupBeforeIt() {
        // S-1..S-4 baseline (good), S-5 beyond the limits, S-6 and S-7 good again.
        List<Object> history = imrBaseline(IMR_LIMITS, 12.0, 10.2, 10.3);
        history.add(8, new OutOfControlSignalled(BORE, 5, "NELSON_1", List.of(5L), 12.0, IMR_LIMITS.center(),
                IMR_LIMITS.lcl(), IMR_LIMITS.ucl(), at(5)));
        fixture.given(history)
                .when(new IdentifySuspects(BORE, NCR, Serial.of("S-5"), at(8)))
                .expectEvents(new SuspectPartsIdentified(BORE, NCR, Serial.of("S-5"),
                        List.of(Serial.of("S-5"), Serial.of("S-6"), Serial.of("S-7")), 5, at(8)));
        // A part rejected for a defect in a subgroup that measured well: the parts since the good one before it.
        fixture.given(history)
                .when(new IdentifySuspects(BORE, NCR, Serial.of("S-7"), at(8)))
                .expectEvents(new SuspectPartsIdentified(BORE, NCR, Serial.of("S-7"), List.of(Serial.of("S-7")), 7,
                        at(8)));
    }

    @Test
    void aValueFromAGaugeOutOfCalibrationIsFlaggedOnItsEvent() {
        RecordMeasurement expired = measure(10.2, 5).withGaugeStatus(GaugeStatus.EXPIRED);
        fixture.given(imrBaseline(IMR_LIMITS))
                .when(expired)
                .expectEventsMatching(allOf(
                        containing(new MeasurementRecorded(BORE, 10.2, Serial.of("S-5"), ControlLimitsTest.CAMERA, at(5),
                                ControlLimitsTest.frame(5), 5, GaugeStatus.EXPIRED)),
                        containing(new MeasuredByGaugeOutOfCalibration(BORE, ControlLimitsTest.CAMERA,
                                GaugeStatus.EXPIRED, 10.2, Serial.of("S-5"), 5, at(5)))));
        fixture.given(imrBaseline(IMR_LIMITS))
                .when(measure(10.2, 5).withGaugeStatus(GaugeStatus.CALIBRATED))
                .expectEventsMatching(none(MeasuredByGaugeOutOfCalibration.class));
    }

    @Test
    void anOutOfSpecificationValueMakesItsSubgroupBad() {
        SuspectWindow window = new SuspectWindow();
        window.measured(1, Serial.of("A"), true);
        window.completed(1);
        window.measured(2, Serial.of("B"), true);
        window.outOfSpecification(2);
        window.completed(2);
        window.measured(3, Serial.of("C"), true);
        assertThat(window.suspectsOf(Serial.of("C")).serials()).containsExactly(Serial.of("B"), Serial.of("C"));
        assertThat(window.suspectsOf(Serial.of("C")).sinceSubgroup()).isEqualTo(2);
        assertThat(window.suspectsOf(Serial.of("unknown")).serials())
                .containsExactly(Serial.of("B"), Serial.of("C"), Serial.of("unknown"));
    }

    private static Matcher<List<EventMessage<?>>> containing(Object payload) {
        return matcher("an event " + payload, events -> events.stream().anyMatch(e -> e.getPayload().equals(payload)));
    }

    private static Matcher<List<EventMessage<?>>> containingType(Class<?> type) {
        return matcher("an event of type " + type.getSimpleName(),
                events -> events.stream().anyMatch(e -> type.isInstance(e.getPayload())));
    }

    private static Matcher<List<EventMessage<?>>> none(Class<?> type) {
        return matcher("no event of type " + type.getSimpleName(),
                events -> events.stream().noneMatch(e -> type.isInstance(e.getPayload())));
    }

    @SafeVarargs
    private static Matcher<List<EventMessage<?>>> allOf(Matcher<List<EventMessage<?>>>... all) {
        return matcher("all of them", events -> List.of(all).stream().allMatch(m -> m.matches(events)));
    }

    private static Matcher<List<EventMessage<?>>> matcher(String what,
                                                          java.util.function.Predicate<List<EventMessage<?>>> test) {
        return new BaseMatcher<>() {
            @Override
            @SuppressWarnings("unchecked")
            public boolean matches(Object actual) {
                return test.test((List<EventMessage<?>>) actual);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText(what);
            }
        };
    }
}
