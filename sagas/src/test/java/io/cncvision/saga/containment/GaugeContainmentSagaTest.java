package io.cncvision.saga.containment;

import static io.cncvision.saga.Commands.a;
import static io.cncvision.saga.Commands.exactly;

import io.cncvision.api.characteristic.MeasuredByGaugeOutOfCalibration;
import io.cncvision.api.gauge.AsFoundCondition;
import io.cncvision.api.gauge.AsLeftCondition;
import io.cncvision.api.gauge.GaugeCalibrationCertified;
import io.cncvision.api.gauge.GaugeStatus;
import io.cncvision.api.nonconformance.ApplyContainment;
import io.cncvision.api.nonconformance.NonConformanceSource;
import io.cncvision.api.nonconformance.OpenNonConformance;
import io.cncvision.api.part.QuarantinePart;
import io.cncvision.api.value.CalibrationId;
import io.cncvision.api.value.CharacteristicId;
import io.cncvision.api.value.GaugeId;
import io.cncvision.api.value.Serial;
import java.time.Duration;
import java.time.Instant;
import org.axonframework.test.saga.FixtureConfiguration;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A gauge used out of calibration: one nonconformance holding every part it measured, ended by a new certificate. */
class GaugeContainmentSagaTest {

    static final GaugeId CALIPER = GaugeId.of("caliper-7");
    static final CharacteristicId BORE = CharacteristicId.of("pn1234-bore");
    static final Instant T0 = Instant.parse("2026-11-25T08:00:00Z");

    private FixtureConfiguration fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(GaugeContainmentSaga.class);
        fixture.givenCurrentTime(T0);
    }

    static MeasuredByGaugeOutOfCalibration measured(String serial, long subgroup) {
        return new MeasuredByGaugeOutOfCalibration(BORE, CALIPER, GaugeStatus.EXPIRED, 12.001, Serial.of(serial),
                subgroup, T0.plusSeconds(subgroup));
    }

    static GaugeCalibrationCertified certified(AsLeftCondition asLeft) {
        return new GaugeCalibrationCertified(CALIPER, CalibrationId.of("cal-8"), AsFoundCondition.IN_TOLERANCE, asLeft,
                "CERT-8", T0.plus(Duration.ofDays(365)), T0, "metrology");
    }

    @Test
    void theFirstValueOfAGaugeOutOfCalibrationOpensANonConformanceAndHoldsItsPart() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(measured("S-1", 1))
                .expectActiveSagas(1)
                .expectScheduledDeadlineWithName(GaugeContainmentSaga.CONTAINMENT_WINDOW, GaugeContainmentSaga.WINDOW)
                .expectDispatchedCommandsMatching(exactly(
                        a(OpenNonConformance.class, nc -> nc.source() == NonConformanceSource.GAUGE_OUT_OF_CALIBRATION
                                && CALIPER.equals(nc.gaugeId()) && nc.description().contains("EXPIRED")),
                        a(QuarantinePart.class, q -> q.serial().equals(Serial.of("S-1"))),
                        a(ApplyContainment.class)));
    }

    @Test
    void laterValuesJoinTheSameNonConformance() {
        fixture.givenAPublished(measured("S-1", 1))
                .whenPublishingA(measured("S-2", 2))
                .expectDispatchedCommandsMatching(exactly(a(QuarantinePart.class, q -> q.serial().equals(Serial.of("S-2"))),
                        a(ApplyContainment.class)));
    }

    @Test
    void aNewCertificateEndsItButOneThatLeavesTheGaugeFailedDoesNot() {
        fixture.givenAPublished(measured("S-1", 1))
                .whenPublishingA(certified(AsLeftCondition.FAILED))
                .expectActiveSagas(1);
        fixture.givenAPublished(measured("S-1", 1))
                .whenPublishingA(certified(AsLeftCondition.ADJUSTED))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
    }

    @Test
    void theContainmentWindowEndsIt() {
        fixture.givenAPublished(measured("S-1", 1))
                .whenTimeElapses(Duration.ofDays(2))
                .expectActiveSagas(0)
                .expectTriggeredDeadlinesWithName(GaugeContainmentSaga.WINDOW);
    }
}
