package io.cncvision.command.characteristic;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;

import io.cncvision.api.CommandOutcome;
import io.cncvision.api.characteristic.CharacteristicDefined;
import io.cncvision.api.characteristic.DefineCharacteristic;
import io.cncvision.api.characteristic.MeasurementRecorded;
import io.cncvision.api.characteristic.OutOfSpecificationDetected;
import io.cncvision.api.characteristic.RecordMeasurement;
import io.cncvision.api.characteristic.ReviseSpecification;
import io.cncvision.api.characteristic.SpecificationRevised;
import io.cncvision.api.characteristic.SubgroupCompleted;
import io.cncvision.api.value.CharacteristicId;
import io.cncvision.api.value.ChartType;
import io.cncvision.api.value.GaugeId;
import io.cncvision.api.value.Serial;
import io.cncvision.api.value.SourceMessageId;
import io.cncvision.api.value.Specification;
import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CharacteristicTest {

    static final CharacteristicId BORE = CharacteristicId.of("pn1234-bore");
    static final GaugeId CAMERA = GaugeId.of("cam-01");
    // Limits are binary fractions, so the expected statistics below are exact.
    static final Specification SPEC = new Specification("mm", 10.0, 9.0, 11.0);
    static final Specification WIDER = new Specification("mm", 10.0, 8.5, 11.5);
    static final Instant T0 = Instant.parse("2025-03-03T07:00:00Z");
    static final CharacteristicDefined DEFINED =
            new CharacteristicDefined(BORE, "PN-1234", "bore diameter", SPEC, 3, ChartType.XBAR_R);

    private FixtureConfiguration<Characteristic> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Characteristic.class);
    }

    static Instant at(int second) {
        return T0.plusSeconds(second);
    }

    static SourceMessageId frame(int n) {
        return SourceMessageId.of("cam-01/frame/" + n);
    }

    static Serial part(int n) {
        return Serial.of("S-" + n);
    }

    static RecordMeasurement measure(double value, int n) {
        return new RecordMeasurement(BORE, value, part(n), CAMERA, at(n), frame(n));
    }

    static MeasurementRecorded recorded(double value, int n, long subgroup) {
        return new MeasurementRecorded(BORE, value, part(n), CAMERA, at(n), frame(n), subgroup);
    }

    @Test
    void definingACharacteristicRecordsItsControlPlanLine() {
        fixture.givenNoPriorActivity()
                .when(new DefineCharacteristic(BORE, "PN-1234", "bore diameter", SPEC, 3, ChartType.XBAR_R))
                .expectSuccessfulHandlerExecution()
                .expectEvents(DEFINED);
    }

    @Test
    void revisingTheSpecificationRecordsTheOldAndTheNew() {
        fixture.given(DEFINED)
                .when(new ReviseSpecification(BORE, WIDER, "customer deviation D-17"))
                .expectResultMessagePayload(CommandOutcome.RECORDED)
                .expectEvents(new SpecificationRevised(BORE, SPEC, WIDER, "customer deviation D-17"));
    }

    @Test
    void aSecondRevisionStartsFromTheFirst() {
        Specification upperOnly = new Specification("mm", 10.0, null, 11.0);
        fixture.given(DEFINED, new SpecificationRevised(BORE, SPEC, WIDER, "customer deviation D-17"))
                .when(new ReviseSpecification(BORE, upperOnly, "lower limit is not functional"))
                .expectResultMessagePayload(CommandOutcome.RECORDED)
                .expectEvents(new SpecificationRevised(BORE, WIDER, upperOnly, "lower limit is not functional"));
    }

    @Test
    void revisingToTheSameSpecificationRecordsNothing() {
        fixture.given(DEFINED)
                .when(new ReviseSpecification(BORE, new Specification("mm", 10.0, 9.0, 11.0), "re-issued drawing"))
                .expectResultMessagePayload(CommandOutcome.UNCHANGED)
                .expectNoEvents();
    }

    @Test
    void refusesARevisionThatChangesTheUnit() {
        fixture.given(DEFINED)
                .when(new ReviseSpecification(BORE, new Specification("in", 0.39, 0.35, 0.43), "imperial drawing"))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage(allOf(containsString("specification.unit"), containsString("pn1234-bore"),
                        containsString("mm"), containsString("in")))
                .expectNoEvents();
    }

    @Test
    void theFirstMeasurementFallsInSubgroupOne() {
        fixture.given(DEFINED)
                .when(measure(10.0, 1))
                .expectResultMessagePayload(CommandOutcome.RECORDED)
                .expectEvents(recorded(10.0, 1, 1));
    }

    @Test
    void theMeasurementThatFillsASubgroupCompletesIt() {
        fixture.given(DEFINED, recorded(10.0, 1, 1), recorded(10.5, 2, 1))
                .when(measure(9.5, 3))
                .expectResultMessagePayload(CommandOutcome.RECORDED)
                .expectEvents(recorded(9.5, 3, 1),
                        new SubgroupCompleted(BORE, 1, List.of(10.0, 10.5, 9.5), 10.0, 1.0, 0.5, at(3), null));
    }

    @Test
    void theMeasurementAfterACompletedSubgroupStartsTheNextOne() {
        fixture.given(DEFINED, recorded(10.0, 1, 1), recorded(10.5, 2, 1), recorded(9.5, 3, 1),
                        new SubgroupCompleted(BORE, 1, List.of(10.0, 10.5, 9.5), 10.0, 1.0, 0.5, at(3), null))
                .when(measure(10.25, 4))
                .expectResultMessagePayload(CommandOutcome.RECORDED)
                .expectEvents(recorded(10.25, 4, 2));
    }

    @Test
    void theSecondSubgroupHoldsOnlyItsOwnValues() {
        fixture.given(DEFINED, recorded(10.0, 1, 1), recorded(10.5, 2, 1), recorded(9.5, 3, 1),
                        new SubgroupCompleted(BORE, 1, List.of(10.0, 10.5, 9.5), 10.0, 1.0, 0.5, at(3), null),
                        recorded(10.0, 4, 2), recorded(10.0, 5, 2))
                .when(measure(10.0, 6))
                .expectEvents(recorded(10.0, 6, 2),
                        new SubgroupCompleted(BORE, 2, List.of(10.0, 10.0, 10.0), 10.0, 0.0, 0.0, at(6), null));
    }

    @Test
    void aValueOutsideTheSpecificationIsDetected() {
        fixture.given(DEFINED)
                .when(measure(11.25, 1))
                .expectResultMessagePayload(CommandOutcome.RECORDED)
                .expectEvents(recorded(11.25, 1, 1),
                        new OutOfSpecificationDetected(BORE, 11.25, part(1), SPEC, at(1), frame(1)));
    }

    @Test
    void aValueOnALimitConforms() {
        fixture.given(DEFINED)
                .when(measure(9.0, 1))
                .expectEvents(recorded(9.0, 1, 1));
    }

    @Test
    void outOfSpecificationComesBeforeTheSubgroupItCompletes() {
        fixture.given(DEFINED, recorded(10.5, 1, 1), recorded(11.0, 2, 1))
                .when(measure(11.5, 3))
                .expectResultMessagePayload(CommandOutcome.RECORDED)
                .expectEvents(recorded(11.5, 3, 1),
                        new OutOfSpecificationDetected(BORE, 11.5, part(3), SPEC, at(3), frame(3)),
                        new SubgroupCompleted(BORE, 1, List.of(10.5, 11.0, 11.5), 11.0, 1.0, 0.5, at(3), null));
    }

    @Test
    void aValueIsJudgedAgainstTheRevisedSpecification() {
        fixture.given(DEFINED, new SpecificationRevised(BORE, SPEC, WIDER, "customer deviation D-17"))
                .when(measure(11.25, 1))
                .expectEvents(recorded(11.25, 1, 1));
    }

    @Test
    void anIndividualsChartCompletesASubgroupWithEveryValue() {
        fixture.given(new CharacteristicDefined(BORE, "PN-1234", "bore diameter", SPEC, 1, ChartType.IMR),
                        recorded(10.0, 1, 1), new SubgroupCompleted(BORE, 1, List.of(10.0), 10.0, 0.0, 0.0, at(1), null))
                .when(measure(10.5, 2))
                .expectEvents(recorded(10.5, 2, 2),
                        new SubgroupCompleted(BORE, 2, List.of(10.5), 10.5, 0.0, 0.0, at(2), null));
    }

    @Test
    void repeatedSourceMessageIdRecordsNothing() {
        fixture.given(DEFINED, recorded(10.0, 1, 1))
                .when(measure(10.0, 1))
                .expectResultMessagePayload(CommandOutcome.DUPLICATE)
                .expectNoEvents();
    }

    @Test
    void repeatedOutOfSpecificationMessageIsNotDetectedTwice() {
        fixture.given(DEFINED, recorded(11.25, 1, 1),
                        new OutOfSpecificationDetected(BORE, 11.25, part(1), SPEC, at(1), frame(1)))
                .when(measure(11.25, 1))
                .expectResultMessagePayload(CommandOutcome.DUPLICATE)
                .expectNoEvents();
    }

    @Test
    void measurementsTypedByPeopleAreNeverDuplicates() {
        fixture.given(DEFINED, new MeasurementRecorded(BORE, 10.0, part(1), GaugeId.of("bore-gauge-7"), at(1), null, 1))
                .when(new RecordMeasurement(BORE, 10.0, part(1), GaugeId.of("bore-gauge-7"), at(1), null))
                .expectResultMessagePayload(CommandOutcome.RECORDED)
                .expectEvents(new MeasurementRecorded(BORE, 10.0, part(1), GaugeId.of("bore-gauge-7"), at(1), null, 1));
    }

    @Test
    void refusesMeasurementsOnAnAttributeChart() {
        fixture.given(new CharacteristicDefined(BORE, "PN-1234", "bore burrs", SPEC, 50, ChartType.P))
                .when(measure(10.0, 1))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage("characteristic pn1234-bore is charted as p; record counts, not measurements")
                .expectNoEvents();
    }
}
