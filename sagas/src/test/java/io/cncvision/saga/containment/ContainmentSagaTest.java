package io.cncvision.saga.containment;

import static io.cncvision.saga.Commands.a;
import static io.cncvision.saga.Commands.exactly;

import io.cncvision.api.characteristic.IdentifySuspects;
import io.cncvision.api.characteristic.OutOfSpecificationDetected;
import io.cncvision.api.characteristic.SuspectPartsIdentified;
import io.cncvision.api.nonconformance.ApplyContainment;
import io.cncvision.api.nonconformance.NonConformanceSource;
import io.cncvision.api.nonconformance.OpenNonConformance;
import io.cncvision.api.part.PartRejected;
import io.cncvision.api.part.QuarantinePart;
import io.cncvision.api.value.CharacteristicId;
import io.cncvision.api.value.GaugeId;
import io.cncvision.api.value.MachineId;
import io.cncvision.api.value.NonConformanceId;
import io.cncvision.api.value.Serial;
import io.cncvision.api.value.SourceMessageId;
import io.cncvision.api.value.Specification;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.test.saga.FixtureConfiguration;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Containment from a rejected part and from values out of specification, every path ending the saga. */
class ContainmentSagaTest {

    static final CharacteristicId BORE = CharacteristicId.of("pn1234-bore");
    static final CharacteristicId OD = CharacteristicId.of("pn1234-od");
    static final MachineId LATHE = MachineId.of("lathe-1");
    static final Instant T0 = Instant.parse("2026-11-25T08:00:00Z");
    static final Serial BAD = Serial.of("SIM7-000417");
    static final Specification SPEC = new Specification("mm", 12.0, 11.98, 12.02);

    private FixtureConfiguration fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(ContainmentSaga.class);
        fixture.givenCurrentTime(T0);
    }

    static PartRejected rejected(List<CharacteristicId> characteristics) {
        return new PartRejected(BAD, LATHE, characteristics, GaugeId.of("cam-1"), "defect: scratches (97 %)", T0);
    }

    static OutOfSpecificationDetected outOfSpec(Serial serial, double value) {
        return new OutOfSpecificationDetected(BORE, value, serial, SPEC, T0, SourceMessageId.of("m/" + serial));
    }

    @Test
    void aRejectedPartOpensANonConformanceHoldsItAndAsksEachCharacteristicForItsSuspects() {
        AtomicReference<NonConformanceId> report = new AtomicReference<>();
        fixture.givenNoPriorActivity()
                .whenPublishingA(rejected(List.of(BORE, OD)))
                .expectActiveSagas(1)
                .expectScheduledDeadlineWithName(ContainmentSaga.ANSWER_WITHIN, ContainmentSaga.ANSWERS)
                .expectDispatchedCommandsMatching(exactly(
                        a(OpenNonConformance.class, nc -> {
                            report.set(nc.nonConformanceId());
                            return nc.source() == NonConformanceSource.REJECTED_PART && nc.serials().equals(List.of(BAD))
                                    && nc.machineId().equals(LATHE) && nc.description().contains("scratches");
                        }),
                        a(QuarantinePart.class, q -> q.serial().equals(BAD) && q.nonConformanceId().equals(report.get())),
                        a(ApplyContainment.class, c -> c.serials().equals(List.of(BAD))),
                        a(IdentifySuspects.class, s -> s.characteristicId().equals(BORE) && s.trigger().equals(BAD)),
                        a(IdentifySuspects.class, s -> s.characteristicId().equals(OD))));
    }

    @Test
    void theSuspectsNamedAreQuarantinedOnceAndTheSagaEndsWhenEveryCharacteristicHasAnswered() {
        NonConformanceId report = startRejected(List.of(BORE, OD));
        fixture.givenAPublished(rejected(List.of(BORE, OD)))
                .andThenAPublished(new SuspectPartsIdentified(BORE, report, BAD,
                        List.of(Serial.of("SIM7-000416"), BAD), 416, T0))
                .whenPublishingA(new SuspectPartsIdentified(OD, report, BAD,
                        List.of(Serial.of("SIM7-000415"), Serial.of("SIM7-000416"), BAD), 415, T0))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines()
                .expectDispatchedCommandsMatching(exactly(
                        a(QuarantinePart.class, q -> q.serial().equals(Serial.of("SIM7-000415"))),
                        a(ApplyContainment.class, c -> c.serials().equals(List.of(Serial.of("SIM7-000415"))))));
    }

    @Test
    void aCharacteristicThatDoesNotAnswerInTimeEndsTheSagaWithWhatWasHeld() {
        fixture.givenAPublished(rejected(List.of(BORE)))
                .whenTimeElapses(Duration.ofMinutes(2))
                .expectActiveSagas(0)
                .expectTriggeredDeadlinesWithName(ContainmentSaga.ANSWERS)
                .expectNoDispatchedCommands();
    }

    @Test
    void aRejectedPartMeasuredOnNoCharacteristicIsHeldAloneAndTheSagaEnds() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(rejected(List.of()))
                .expectActiveSagas(0)
                .expectDispatchedCommandsMatching(exactly(a(OpenNonConformance.class), a(QuarantinePart.class),
                        a(ApplyContainment.class)));
    }

    @Test
    void aValueOutOfSpecificationOpensANonConformanceAndAsksForTheSuspects() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(outOfSpec(BAD, 12.031))
                .expectActiveSagas(1)
                .expectScheduledDeadlineWithName(ContainmentSaga.CONTAINMENT_WINDOW, ContainmentSaga.WINDOW)
                .expectDispatchedCommandsMatching(exactly(
                        a(OpenNonConformance.class, nc -> nc.source() == NonConformanceSource.OUT_OF_SPECIFICATION
                                && nc.characteristicId().equals(BORE) && nc.description().contains("12.031")),
                        a(IdentifySuspects.class, s -> s.trigger().equals(BAD))));
    }

    @Test
    void laterValuesOutOfSpecificationJoinTheOpenNonConformanceUntilItsWindowCloses() {
        fixture.givenAPublished(outOfSpec(BAD, 12.031))
                .whenPublishingA(outOfSpec(Serial.of("SIM7-000418"), 12.029))
                .expectActiveSagas(1)
                .expectDispatchedCommandsMatching(exactly(
                        a(IdentifySuspects.class, s -> s.trigger().equals(Serial.of("SIM7-000418")))));
        fixture.givenAPublished(outOfSpec(BAD, 12.031))
                .whenTimeElapses(Duration.ofHours(9))
                .expectActiveSagas(0)
                .expectTriggeredDeadlinesWithName(ContainmentSaga.WINDOW);
    }

    private static NonConformanceId startRejected(List<CharacteristicId> characteristics) {
        return NonConformanceId.forTrigger(T0, "rejected:" + BAD);
    }
}
