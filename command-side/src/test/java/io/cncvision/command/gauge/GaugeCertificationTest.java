package io.cncvision.command.gauge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cncvision.api.CommandOutcome;
import io.cncvision.api.gauge.AsFoundCondition;
import io.cncvision.api.gauge.AsLeftCondition;
import io.cncvision.api.gauge.ExpireGaugeCalibration;
import io.cncvision.api.gauge.GaugeCalibrationCertified;
import io.cncvision.api.gauge.GaugeCalibrationExpired;
import io.cncvision.api.gauge.GaugeKind;
import io.cncvision.api.gauge.GaugeRegistered;
import io.cncvision.api.gauge.GaugeStatus;
import io.cncvision.api.gauge.RecordGaugeCalibration;
import io.cncvision.api.gauge.RegisterGauge;
import io.cncvision.api.value.CalibrationId;
import io.cncvision.api.value.GaugeId;
import java.time.Instant;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Calibration certificates of any gauge (IATF 16949 7.1.5.2): certified, expired at the due date, failed. */
class GaugeCertificationTest {

    static final GaugeId CALIPER = GaugeId.of("caliper-7");
    static final Instant T0 = Instant.parse("2026-11-25T07:00:00Z");
    static final Instant DUE = Instant.parse("2027-05-25T07:00:00Z");
    static final CalibrationId CERT_1 = CalibrationId.of("caliper-7-2026-11");
    static final CalibrationId CERT_2 = CalibrationId.of("caliper-7-2027-05");
    static final GaugeRegistered REGISTERED = new GaugeRegistered(CALIPER, GaugeKind.CALIPER, "Caliper 7");

    private FixtureConfiguration<Gauge> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Gauge.class);
    }

    static RecordGaugeCalibration certify(CalibrationId id, AsLeftCondition asLeft, Instant dueAt) {
        return new RecordGaugeCalibration(CALIPER, id, AsFoundCondition.IN_TOLERANCE, asLeft, "DAkkS D-K-12345 " + id,
                dueAt, T0, "metrology-lab");
    }

    static GaugeCalibrationCertified certified(CalibrationId id, AsLeftCondition asLeft, Instant dueAt) {
        return new GaugeCalibrationCertified(CALIPER, id, AsFoundCondition.IN_TOLERANCE, asLeft,
                "DAkkS D-K-12345 " + id, dueAt, T0, "metrology-lab");
    }

    @Test
    void aGaugeIsNotCalibratedUntilCertified() {
        fixture.givenCommands(new RegisterGauge(CALIPER, GaugeKind.CALIPER, "Caliper 7"))
                .when(new ExpireGaugeCalibration(CALIPER, CERT_1, DUE))
                .expectResultMessagePayload(CommandOutcome.UNCHANGED)
                .expectNoEvents()
                .expectState(gauge -> assertThat(gauge.status()).isEqualTo(GaugeStatus.NOT_CALIBRATED));
    }

    @Test
    void aCertificationIsRecordedAndTheGaugeIsCalibratedUntilDue() {
        fixture.given(REGISTERED)
                .when(certify(CERT_1, AsLeftCondition.IN_TOLERANCE, DUE))
                .expectResultMessagePayload(CommandOutcome.RECORDED)
                .expectEvents(certified(CERT_1, AsLeftCondition.IN_TOLERANCE, DUE))
                .expectState(gauge -> assertThat(gauge.status()).isEqualTo(GaugeStatus.CALIBRATED));
    }

    @Test
    void aGaugeAdjustedIntoToleranceIsCalibrated() {
        fixture.given(REGISTERED)
                .when(certify(CERT_1, AsLeftCondition.ADJUSTED, DUE))
                .expectEvents(certified(CERT_1, AsLeftCondition.ADJUSTED, DUE))
                .expectState(gauge -> assertThat(gauge.status()).isEqualTo(GaugeStatus.CALIBRATED));
    }

    @Test
    void aGaugeLeftFailedIsFailed() {
        fixture.given(REGISTERED)
                .when(certify(CERT_1, AsLeftCondition.FAILED, null))
                .expectResultMessagePayload(CommandOutcome.RECORDED)
                .expectEvents(certified(CERT_1, AsLeftCondition.FAILED, null))
                .expectState(gauge -> assertThat(gauge.status()).isEqualTo(GaugeStatus.FAILED));
    }

    @Test
    void aRepeatedCertificationRecordsNothing() {
        fixture.given(REGISTERED, certified(CERT_1, AsLeftCondition.IN_TOLERANCE, DUE))
                .when(certify(CERT_1, AsLeftCondition.IN_TOLERANCE, DUE))
                .expectResultMessagePayload(CommandOutcome.DUPLICATE)
                .expectNoEvents();
    }

    @Test
    void refusesToReuseASupersededCertificationId() {
        fixture.given(REGISTERED, certified(CERT_1, AsLeftCondition.IN_TOLERANCE, DUE),
                        certified(CERT_2, AsLeftCondition.IN_TOLERANCE, DUE.plusSeconds(1)))
                .when(certify(CERT_1, AsLeftCondition.IN_TOLERANCE, DUE))
                .expectException(IllegalStateException.class)
                .expectNoEvents();
    }

    @Test
    void refusesACertificationOfAGaugeThatIsNotRegistered() {
        fixture.givenNoPriorActivity()
                .when(certify(CERT_1, AsLeftCondition.IN_TOLERANCE, DUE))
                .expectException(AggregateNotFoundException.class);
    }

    @Test
    void refusesACertificationWithoutADueDateUnlessFailedOrWithADueDateBeforeTheCalibration() {
        assertThatThrownBy(() -> certify(CERT_1, AsLeftCondition.IN_TOLERANCE, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dueAt");
        assertThatThrownBy(() -> certify(CERT_1, AsLeftCondition.ADJUSTED, T0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dueAt");
    }

    @Test
    void theCalibrationInForceExpiresAtItsDueDate() {
        fixture.given(REGISTERED, certified(CERT_1, AsLeftCondition.IN_TOLERANCE, DUE))
                .when(new ExpireGaugeCalibration(CALIPER, CERT_1, DUE))
                .expectResultMessagePayload(CommandOutcome.RECORDED)
                .expectEvents(new GaugeCalibrationExpired(CALIPER, CERT_1, DUE, DUE))
                .expectState(gauge -> assertThat(gauge.status()).isEqualTo(GaugeStatus.EXPIRED));
    }

    @Test
    void aRenewedCalibrationDoesNotExpireWithThePreviousOne() {
        fixture.given(REGISTERED, certified(CERT_1, AsLeftCondition.IN_TOLERANCE, DUE),
                        certified(CERT_2, AsLeftCondition.IN_TOLERANCE, DUE.plusSeconds(86_400)))
                .when(new ExpireGaugeCalibration(CALIPER, CERT_1, DUE))
                .expectResultMessagePayload(CommandOutcome.UNCHANGED)
                .expectNoEvents()
                .expectState(gauge -> assertThat(gauge.status()).isEqualTo(GaugeStatus.CALIBRATED));
    }

    @Test
    void anExpiredCalibrationExpiresOnce() {
        fixture.given(REGISTERED, certified(CERT_1, AsLeftCondition.IN_TOLERANCE, DUE),
                        new GaugeCalibrationExpired(CALIPER, CERT_1, DUE, DUE))
                .when(new ExpireGaugeCalibration(CALIPER, CERT_1, DUE.plusSeconds(60)))
                .expectResultMessagePayload(CommandOutcome.UNCHANGED)
                .expectNoEvents();
    }

    @Test
    void aFailedGaugeDoesNotExpire() {
        fixture.given(REGISTERED, certified(CERT_1, AsLeftCondition.FAILED, null))
                .when(new ExpireGaugeCalibration(CALIPER, CERT_1, DUE))
                .expectResultMessagePayload(CommandOutcome.UNCHANGED)
                .expectNoEvents()
                .expectState(gauge -> assertThat(gauge.status()).isEqualTo(GaugeStatus.FAILED));
    }

    @Test
    void refusesToExpireACalibrationBeforeItIsDue() {
        fixture.given(REGISTERED, certified(CERT_1, AsLeftCondition.IN_TOLERANCE, DUE))
                .when(new ExpireGaugeCalibration(CALIPER, CERT_1, DUE.minusSeconds(1)))
                .expectException(IllegalStateException.class)
                .expectNoEvents();
    }

    @Test
    void aNewCertificationMakesAnExpiredGaugeCalibratedAgain() {
        fixture.given(REGISTERED, certified(CERT_1, AsLeftCondition.IN_TOLERANCE, DUE),
                        new GaugeCalibrationExpired(CALIPER, CERT_1, DUE, DUE))
                .when(certify(CERT_2, AsLeftCondition.IN_TOLERANCE, DUE.plusSeconds(86_400)))
                .expectResultMessagePayload(CommandOutcome.RECORDED)
                .expectEvents(certified(CERT_2, AsLeftCondition.IN_TOLERANCE, DUE.plusSeconds(86_400)))
                .expectState(gauge -> assertThat(gauge.status()).isEqualTo(GaugeStatus.CALIBRATED));
    }
}
