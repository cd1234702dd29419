package io.cncvision.saga.calibration;

import io.cncvision.api.gauge.AsFoundCondition;
import io.cncvision.api.gauge.AsLeftCondition;
import io.cncvision.api.gauge.ExpireGaugeCalibration;
import io.cncvision.api.gauge.GaugeCalibrationCertified;
import io.cncvision.api.value.CalibrationId;
import io.cncvision.api.value.GaugeId;
import java.time.Duration;
import java.time.Instant;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CalibrationSagaTest {

    static final GaugeId CALIPER = GaugeId.of("caliper-7");
    static final Instant T0 = Instant.parse("2026-11-25T07:00:00Z");
    static final Instant DUE = Instant.parse("2027-05-25T07:00:00Z");
    static final CalibrationId CERT_1 = CalibrationId.of("caliper-7-2026-11");
    static final CalibrationId CERT_2 = CalibrationId.of("caliper-7-2027-05");

    private SagaTestFixture<CalibrationSaga> fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(CalibrationSaga.class);
        fixture.givenCurrentTime(T0);
    }

    static GaugeCalibrationCertified certified(CalibrationId id, AsLeftCondition asLeft, Instant dueAt) {
        return new GaugeCalibrationCertified(CALIPER, id, AsFoundCondition.IN_TOLERANCE, asLeft, "cert " + id, dueAt,
                T0, "metrology-lab");
    }

    @Test
    void aCertificationWaitsForItsDueDate() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(certified(CERT_1, AsLeftCondition.IN_TOLERANCE, DUE))
                .expectActiveSagas(1)
                .expectScheduledDeadlineWithName(DUE, CalibrationSaga.DUE)
                .expectNoDispatchedCommands();
    }

    @Test
    void atTheDueDateTheCalibrationExpiresAndTheSagaEnds() {
        fixture.givenAPublished(certified(CERT_1, AsLeftCondition.IN_TOLERANCE, DUE))
                .whenTimeAdvancesTo(DUE)
                .expectTriggeredDeadlinesWithName(CalibrationSaga.DUE)
                .expectDispatchedCommands(new ExpireGaugeCalibration(CALIPER, CERT_1, DUE))
                .expectActiveSagas(0);
    }

    @Test
    void nothingExpiresBeforeTheDueDate() {
        fixture.givenAPublished(certified(CERT_1, AsLeftCondition.IN_TOLERANCE, DUE))
                .whenTimeElapses(Duration.between(T0, DUE).minusSeconds(1))
                .expectNoDispatchedCommands()
                .expectActiveSagas(1);
    }

    @Test
    void aRenewalEndsTheWatchOfThePreviousCalibrationAndWatchesTheNewOne() {
        Instant nextDue = DUE.plus(Duration.ofDays(180));
        fixture.givenAPublished(certified(CERT_1, AsLeftCondition.IN_TOLERANCE, DUE))
                .whenPublishingA(certified(CERT_2, AsLeftCondition.ADJUSTED, nextDue))
                .expectActiveSagas(1)
                .expectNoScheduledDeadlineWithName(DUE, CalibrationSaga.DUE)
                .expectScheduledDeadlineWithName(nextDue, CalibrationSaga.DUE)
                .expectNoDispatchedCommands();
    }

    @Test
    void afterARenewalOnlyTheNewCalibrationExpires() {
        Instant nextDue = DUE.plus(Duration.ofDays(180));
        fixture.givenAPublished(certified(CERT_1, AsLeftCondition.IN_TOLERANCE, DUE))
                .andThenAPublished(certified(CERT_2, AsLeftCondition.IN_TOLERANCE, nextDue))
                .whenTimeAdvancesTo(nextDue)
                .expectDispatchedCommands(new ExpireGaugeCalibration(CALIPER, CERT_2, nextDue))
                .expectActiveSagas(0);
    }

    @Test
    void aFailedCalibrationHasNothingToWaitFor() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(certified(CERT_1, AsLeftCondition.FAILED, null))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines()
                .expectNoDispatchedCommands();
    }

    @Test
    void aFailedRecalibrationEndsTheWatchOfThePreviousCalibration() {
        fixture.givenAPublished(certified(CERT_1, AsLeftCondition.IN_TOLERANCE, DUE))
                .whenPublishingA(certified(CERT_2, AsLeftCondition.FAILED, null))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
    }

    @Test
    void theSameCertificationAgainChangesNothing() {
        fixture.givenAPublished(certified(CERT_1, AsLeftCondition.IN_TOLERANCE, DUE))
                .whenPublishingA(certified(CERT_1, AsLeftCondition.IN_TOLERANCE, DUE))
                .expectScheduledDeadlineWithName(DUE, CalibrationSaga.DUE);
    }
}
