package io.cncvision.command.gauge;

import io.cncvision.api.CommandOutcome;
import io.cncvision.api.gauge.GaugeCalibrated;
import io.cncvision.api.gauge.GaugeCameOnline;
import io.cncvision.api.gauge.GaugeKind;
import io.cncvision.api.gauge.GaugeRegistered;
import io.cncvision.api.gauge.GaugeWentOffline;
import io.cncvision.api.gauge.RecordCameraCalibration;
import io.cncvision.api.gauge.RegisterGauge;
import io.cncvision.api.gauge.ReportGaugeOffline;
import io.cncvision.api.gauge.ReportGaugeOnline;
import io.cncvision.api.value.CalibrationId;
import io.cncvision.api.value.GaugeId;
import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GaugeTest {

    static final GaugeId CAM = GaugeId.of("cam-1");
    static final Instant T0 = Instant.parse("2026-11-25T07:00:00Z");
    static final Instant T1 = T0.plusSeconds(60);
    static final CalibrationId CAL_1 = CalibrationId.of("cam-1-20261125-0700");
    static final CalibrationId CAL_2 = CalibrationId.of("cam-1-20261126-0700");
    static final List<Double> MATRIX = List.of(1200.0, 0.0, 640.0, 0.0, 1201.0, 512.0, 0.0, 0.0, 1.0);
    static final List<Double> DISTORTION = List.of(-0.12, 0.05, 0.0005, -0.0003, 0.0);
    static final GaugeRegistered REGISTERED = new GaugeRegistered(CAM, GaugeKind.CAMERA, "Lathe 1 outfeed camera");

    private FixtureConfiguration<Gauge> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Gauge.class);
    }

    static RecordCameraCalibration calibration(GaugeId gauge, CalibrationId id) {
        return new RecordCameraCalibration(gauge, id, MATRIX, DISTORTION, 0.0421, 0.18, 20, T0, "j.doe");
    }

    static GaugeCalibrated calibrated(CalibrationId id) {
        return new GaugeCalibrated(CAM, id, MATRIX, DISTORTION, 0.0421, 0.18, 20, T0, "j.doe");
    }

    @Test
    void registeringAGaugeRecordsItsRegistration() {
        fixture.givenNoPriorActivity()
                .when(new RegisterGauge(CAM, GaugeKind.CAMERA, "Lathe 1 outfeed camera"))
                .expectResultMessagePayload(CommandOutcome.RECORDED)
                .expectEvents(REGISTERED);
    }

    @Test
    void registeringTheSameGaugeAgainRecordsNothing() {
        fixture.given(REGISTERED)
                .when(new RegisterGauge(CAM, GaugeKind.CAMERA, "Lathe 1 outfeed camera"))
                .expectResultMessagePayload(CommandOutcome.UNCHANGED)
                .expectNoEvents();
    }

    @Test
    void refusesToRegisterAGaugeAgainAsAnotherKind() {
        fixture.given(REGISTERED)
                .when(new RegisterGauge(CAM, GaugeKind.CALIPER, "Caliper"))
                .expectException(IllegalStateException.class)
                .expectNoEvents();
    }

    @Test
    void aCameraCalibrationIsRecorded() {
        fixture.given(REGISTERED)
                .when(calibration(CAM, CAL_1))
                .expectResultMessagePayload(CommandOutcome.RECORDED)
                .expectEvents(calibrated(CAL_1));
    }

    @Test
    void aRepeatedCalibrationRecordsNothing() {
        fixture.given(REGISTERED, calibrated(CAL_1))
                .when(calibration(CAM, CAL_1))
                .expectResultMessagePayload(CommandOutcome.DUPLICATE)
                .expectNoEvents();
    }

    @Test
    void refusesToReuseASupersededCalibrationId() {
        fixture.given(REGISTERED, calibrated(CAL_1), calibrated(CAL_2))
                .when(calibration(CAM, CAL_1))
                .expectException(IllegalStateException.class)
                .expectNoEvents();
    }

    @Test
    void refusesACameraCalibrationForAGaugeThatIsNotACamera() {
        GaugeId caliper = GaugeId.of("caliper-7");
        fixture.given(new GaugeRegistered(caliper, GaugeKind.CALIPER, "Caliper 7"))
                .when(calibration(caliper, CAL_1))
                .expectException(IllegalStateException.class)
                .expectNoEvents();
    }

    @Test
    void refusesACalibrationWithoutAFullCameraMatrixOrAPositiveScale() {
        assertThatThrownBy(() -> new RecordCameraCalibration(CAM, CAL_1, List.of(1.0, 2.0), DISTORTION, 0.04, 0.1, 20,
                T0, "j.doe")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cameraMatrix");
        assertThatThrownBy(() -> new RecordCameraCalibration(CAM, CAL_1, MATRIX, List.of(0.1, 0.2, 0.3), 0.04, 0.1,
                20, T0, "j.doe")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("distortionCoefficients");
        assertThatThrownBy(() -> new RecordCameraCalibration(CAM, CAL_1, MATRIX, DISTORTION, 0, 0.1, 20, T0, "j.doe"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mmPerPixel");
    }

    @Test
    void anOutageIsRecordedOnceAndEndsWhenTheGaugeDeliversAgain() {
        fixture.given(REGISTERED)
                .when(new ReportGaugeOffline(CAM, "no frame for 5000 ms", T0))
                .expectResultMessagePayload(CommandOutcome.RECORDED)
                .expectEvents(new GaugeWentOffline(CAM, "no frame for 5000 ms", T0));
        fixture.given(REGISTERED, new GaugeWentOffline(CAM, "no frame for 5000 ms", T0))
                .when(new ReportGaugeOffline(CAM, "still no frame", T1))
                .expectResultMessagePayload(CommandOutcome.UNCHANGED)
                .expectNoEvents();
        fixture.given(REGISTERED, new GaugeWentOffline(CAM, "no frame for 5000 ms", T0))
                .when(new ReportGaugeOnline(CAM, T1))
                .expectResultMessagePayload(CommandOutcome.RECORDED)
                .expectEvents(new GaugeCameOnline(CAM, T0, T1));
    }

    @Test
    void aGaugeThatWasNotOfflineDoesNotComeOnline() {
        fixture.given(REGISTERED)
                .when(new ReportGaugeOnline(CAM, T1))
                .expectResultMessagePayload(CommandOutcome.UNCHANGED)
                .expectNoEvents();
    }
}
