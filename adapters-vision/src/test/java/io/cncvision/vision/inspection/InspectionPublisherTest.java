package io.cncvision.vision.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import io.cncvision.api.characteristic.RecordMeasurement;
import io.cncvision.api.gauge.ReportGaugeOffline;
import io.cncvision.api.gauge.ReportGaugeOnline;
import io.cncvision.api.part.InspectionDefect;
import io.cncvision.api.part.InspectionMeasurement;
import io.cncvision.api.part.InspectionResult;
import io.cncvision.api.part.RecordInspection;
import io.cncvision.api.value.CalibrationId;
import io.cncvision.api.value.CharacteristicId;
import io.cncvision.api.value.GaugeId;
import io.cncvision.api.value.Serial;
import io.cncvision.api.value.Sha256;
import io.cncvision.api.value.SourceMessageId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InspectionPublisherTest {

    static final GaugeId CAM = GaugeId.of("cam-1");
    static final Instant T0 = Instant.parse("2026-11-25T08:00:00Z");
    static final Serial SN = Serial.of("SN-000417");
    static final CharacteristicId OD = CharacteristicId.of("pn1234-od");
    static final CharacteristicId BORE = CharacteristicId.of("pn1234-bore");
    static final List<InspectionMeasurement> MEASURED = List.of(new InspectionMeasurement("outer-diameter", 24.981, "mm"),
            new InspectionMeasurement("bore-diameter", 12.004, "mm"), new InspectionMeasurement("chamfer", 0.5, "mm"));
    static final List<InspectionDefect> DEFECTS = List.of(new InspectionDefect("scratches", 0.93, null));
    static final Sha256 IMAGE = Sha256.of("1".repeat(64));
    static final Sha256 MODEL = Sha256.of("2".repeat(64));
    static final CalibrationId CAL = CalibrationId.of("cam-1-20261125");

    final List<Object> sent = new ArrayList<>();
    final InspectionPublisher publisher = new InspectionPublisher(sent::add,
            Map.of("outer-diameter", OD, "bore-diameter", BORE));

    @Test
    void anInspectedPartGivesItsInspectionAndAMeasurementPerMappedFeature() {
        InspectedPart part = new InspectedPart(CAM, "part-0417.png", T0, SN, InspectionResult.FAIL, MEASURED, DEFECTS,
                IMAGE, CAL, MODEL);

        assertThat(publisher.publish(part)).isEqualTo(3);

        assertThat(sent).containsExactly(
                new RecordInspection(SN, null, InspectionResult.FAIL, CAM, null, T0,
                        SourceMessageId.of("camera:cam-1/frame:part-0417.png/inspection"),
                        // each measurement names the characteristic it is recorded on, where it feeds one
                        List.of(MEASURED.get(0).on(OD), MEASURED.get(1).on(BORE), MEASURED.get(2)), DEFECTS, IMAGE,
                        CAL, MODEL),
                new RecordMeasurement(OD, 24.981, SN, CAM, T0,
                        SourceMessageId.of("camera:cam-1/frame:part-0417.png/feature:outer-diameter")),
                new RecordMeasurement(BORE, 12.004, SN, CAM, T0,
                        SourceMessageId.of("camera:cam-1/frame:part-0417.png/feature:bore-diameter")));
    }

    @Test
    void theSameFrameGivesTheSameSourceIdsSoTheSecondPublishingRecordsNothing() {
        InspectedPart part = new InspectedPart(CAM, "42", T0, SN, InspectionResult.PASS, MEASURED, List.of(), IMAGE,
                CAL, MODEL);

        assertThat(publisher.commandsFor(part)).isEqualTo(publisher.commandsFor(part));
    }

    @Test
    void aPartNoCodeNamedStillGivesItsMeasurementsButNoInspection() {
        InspectedPart part = new InspectedPart(CAM, "43", T0, null, InspectionResult.PASS, MEASURED, List.of(), IMAGE,
                CAL, MODEL);

        publisher.publish(part);

        assertThat(sent).hasSize(2).allSatisfy(command -> assertThat(command).isInstanceOf(RecordMeasurement.class));
        assertThat(publisher.unnamed()).isEqualTo(1);
    }

    @Test
    void aVeryLongFrameIdIsReplacedByItsDigest() {
        InspectedPart part = new InspectedPart(CAM, "x".repeat(300), T0, SN, InspectionResult.PASS, List.of(),
                List.of(), null, null, null);

        RecordInspection inspection = (RecordInspection) publisher.commandsFor(part).get(0);

        assertThat(inspection.sourceMessageId().value()).startsWith("sha256:").hasSize(71);
    }

    @Test
    void commandsThePortCannotTakeAreCounted() {
        InspectionPublisher full = new InspectionPublisher(command -> false, Map.of("outer-diameter", OD));

        full.publish(new InspectedPart(CAM, "44", T0, SN, InspectionResult.PASS, MEASURED, List.of(), null, null, null));

        assertThat(full.notTaken()).isEqualTo(2);
        assertThat(full.published()).isZero();
    }

    @Test
    void aCamerasOutagesBecomeCommandsOnItsGauge() {
        GaugeStatusCommands status = new GaugeStatusCommands(sent::add);

        status.wentOffline(CAM, "no frame for 5000 ms", T0);
        status.cameOnline(CAM, T0.plusSeconds(9));

        assertThat(sent).containsExactly(new ReportGaugeOffline(CAM, "no frame for 5000 ms", T0),
                new ReportGaugeOnline(CAM, T0.plusSeconds(9)));
    }
}
