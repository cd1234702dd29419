package io.cncvision.command.part;

import io.cncvision.api.CommandOutcome;
import io.cncvision.api.part.Disposition;
import io.cncvision.api.part.DispositionPart;
import io.cncvision.api.part.InspectionDefect;
import io.cncvision.api.part.InspectionMeasurement;
import io.cncvision.api.part.InspectionResult;
import io.cncvision.api.part.PartDispositioned;
import io.cncvision.api.part.PartInspected;
import io.cncvision.api.part.PartRejected;
import io.cncvision.api.part.PartProduced;
import io.cncvision.api.part.PartQuarantined;
import io.cncvision.api.part.ProducePart;
import io.cncvision.api.part.QuarantinePart;
import io.cncvision.api.part.RecordInspection;
import io.cncvision.api.value.CalibrationId;
import io.cncvision.api.value.CharacteristicId;
import io.cncvision.api.value.GaugeId;
import io.cncvision.api.value.MachineId;
import io.cncvision.api.value.NonConformanceId;
import io.cncvision.api.value.Serial;
import io.cncvision.api.value.Sha256;
import io.cncvision.api.value.SourceMessageId;
import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PartTest {

    static final Serial S1 = Serial.of("S-1");
    static final MachineId MILL = MachineId.of("mill-01");
    static final CharacteristicId SURFACE = CharacteristicId.of("pn1234-surface");
    static final GaugeId CAMERA = GaugeId.of("cam-01");
    static final Instant T0 = Instant.parse("2025-03-03T07:00:00Z");
    static final Instant T1 = T0.plusSeconds(90);
    static final SourceMessageId CYCLE_MSG = SourceMessageId.of("mtconnect:mill-01#seq-4711");
    static final SourceMessageId FRAME_MSG = SourceMessageId.of("cam-01/frame/88");
    static final PartProduced PRODUCED =
            new PartProduced(S1, "PN-1234", MILL, "O1234", "T12", "LOT-7", T0, CYCLE_MSG);

    private FixtureConfiguration<Part> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Part.class);
    }

    static ProducePart produce(SourceMessageId sourceMessageId) {
        return new ProducePart(S1, "PN-1234", MILL, "O1234", "T12", "LOT-7", T0, sourceMessageId);
    }

    static PartDispositioned dispositioned(Disposition previous, Disposition disposition) {
        return new PartDispositioned(S1, previous, disposition, "MRB decision");
    }

    @Test
    void producingAPartStartsItsGenealogy() {
        fixture.givenNoPriorActivity()
                .when(produce(CYCLE_MSG))
                .expectResultMessagePayload(CommandOutcome.RECORDED)
                .expectEvents(PRODUCED);
    }

    @Test
    void repeatedSourceMessageIdRecordsNothing() {
        fixture.given(PRODUCED)
                .when(produce(CYCLE_MSG))
                .expectResultMessagePayload(CommandOutcome.DUPLICATE)
                .expectNoEvents();
    }

    @Test
    void refusesToProduceASerialTwice() {
        fixture.given(PRODUCED)
                .when(produce(SourceMessageId.of("mtconnect:mill-02#seq-12")))
                .expectException(IllegalStateException.class)
                .expectExceptionMessage("part S-1 was already produced; a serial is produced once")
                .expectNoEvents();
    }

    @Test
    void aProducedPartAwaitsItsDisposition() {
        fixture.given(PRODUCED)
                .when(new DispositionPart(S1, Disposition.PENDING, "no decision yet"))
                .expectResultMessagePayload(CommandOutcome.UNCHANGED)
                .expectNoEvents();
    }

    @Test
    void recordingAnInspectionRecordsItsVerdict() {
        fixture.given(PRODUCED)
                .when(RecordInspection.verdict(S1, SURFACE, InspectionResult.FAIL, CAMERA, "scratch 2 mm", T1, FRAME_MSG))
                .expectResultMessagePayload(CommandOutcome.RECORDED)
                .expectEvents(PartInspected.verdict(S1, SURFACE, InspectionResult.FAIL, CAMERA, "scratch 2 mm", T1,
                        FRAME_MSG), new PartRejected(S1, MILL, List.of(SURFACE), CAMERA, "scratch 2 mm", T1));
    }

    @Test
    void aPassingInspectionRejectsNothing() {
        fixture.given(PRODUCED)
                .when(RecordInspection.verdict(S1, SURFACE, InspectionResult.PASS, CAMERA, null, T1, FRAME_MSG))
                .expectEvents(PartInspected.verdict(S1, SURFACE, InspectionResult.PASS, CAMERA, null, T1, FRAME_MSG));
    }

    @Test
    void aCameraInspectionRecordsItsMeasurementsDefectsImageCalibrationAndModel() {
        CharacteristicId bore = CharacteristicId.of("pn1234-bore");
        List<InspectionMeasurement> measured = List.of(new InspectionMeasurement("outer-diameter", 24.981, "mm"),
                new InspectionMeasurement("bore-diameter", 12.004, "mm", bore));
        List<InspectionDefect> defects = List.of(new InspectionDefect("scratches", 0.97,
                new InspectionDefect.Box(410, 220, 64, 18)));
        Sha256 image = Sha256.of("a".repeat(64));
        Sha256 model = Sha256.of("b".repeat(64));
        CalibrationId calibration = CalibrationId.of("cam-01-20250303");
        fixture.given(PRODUCED)
                .when(new RecordInspection(S1, null, InspectionResult.FAIL, CAMERA, null, T1, FRAME_MSG, measured,
                        defects, image, calibration, model))
                .expectResultMessagePayload(CommandOutcome.RECORDED)
                .expectEvents(new PartInspected(S1, null, InspectionResult.FAIL, CAMERA, null, T1, FRAME_MSG, measured,
                        defects, image, calibration, model),
                        new PartRejected(S1, MILL, List.of(bore), CAMERA, "defect: scratches (97 %)", T1));
    }

    @Test
    void repeatedInspectionMessageRecordsNothing() {
        fixture.given(PRODUCED, PartInspected.verdict(S1, SURFACE, InspectionResult.PASS, CAMERA, null, T1, FRAME_MSG))
                .when(RecordInspection.verdict(S1, SURFACE, InspectionResult.PASS, CAMERA, null, T1, FRAME_MSG))
                .expectResultMessagePayload(CommandOutcome.DUPLICATE)
                .expectNoEvents();
    }

    @Test
    void inspectionsTypedByPeopleAreNeverDuplicates() {
        fixture.given(PRODUCED, PartInspected.verdict(S1, null, InspectionResult.PASS, GaugeId.of("visual"), null, T1, null))
                .when(RecordInspection.verdict(S1, null, InspectionResult.PASS, GaugeId.of("visual"), null, T1, null))
                .expectResultMessagePayload(CommandOutcome.RECORDED)
                .expectEvents(PartInspected.verdict(S1, null, InspectionResult.PASS, GaugeId.of("visual"), null, T1, null));
    }

    @Test
    void dispositioningAPartRecordsTheDecisionAndWhatItReplaced() {
        fixture.given(PRODUCED)
                .when(new DispositionPart(S1, Disposition.REWORK, "MRB decision"))
                .expectResultMessagePayload(CommandOutcome.RECORDED)
                .expectEvents(dispositioned(Disposition.PENDING, Disposition.REWORK));
    }

    @Test
    void aReworkedPartCanBeAccepted() {
        fixture.given(PRODUCED, dispositioned(Disposition.PENDING, Disposition.REWORK))
                .when(new DispositionPart(S1, Disposition.ACCEPT, "MRB decision"))
                .expectResultMessagePayload(CommandOutcome.RECORDED)
                .expectEvents(dispositioned(Disposition.REWORK, Disposition.ACCEPT));
    }

    @Test
    void theSameDispositionAgainRecordsNothing() {
        fixture.given(PRODUCED, dispositioned(Disposition.PENDING, Disposition.ACCEPT))
                .when(new DispositionPart(S1, Disposition.ACCEPT, "confirmed at final inspection"))
                .expectResultMessagePayload(CommandOutcome.UNCHANGED)
                .expectNoEvents();
    }

    @Test
    void scrappingAPartIsRecorded() {
        fixture.given(PRODUCED, dispositioned(Disposition.PENDING, Disposition.REWORK))
                .when(new DispositionPart(S1, Disposition.SCRAP, "MRB decision"))
                .expectResultMessagePayload(CommandOutcome.RECORDED)
                .expectEvents(dispositioned(Disposition.REWORK, Disposition.SCRAP));
    }

    @Test
    void refusesToDispositionAScrappedPartAgain() {
        fixture.given(PRODUCED, dispositioned(Disposition.PENDING, Disposition.SCRAP))
                .when(new DispositionPart(S1, Disposition.USE_AS_IS, "customer concession"))
                .expectException(IllegalStateException.class)
                .expectExceptionMessage("part S-1 is scrapped; its disposition is final")
                .expectNoEvents();
    }

    @Test
    void scrappingAScrappedPartAgainRecordsNothing() {
        // A retried request must not fail; it changes nothing, so the disposition stays final either way.
        fixture.given(PRODUCED, dispositioned(Disposition.PENDING, Disposition.SCRAP))
                .when(new DispositionPart(S1, Disposition.SCRAP, "MRB decision"))
                .expectResultMessagePayload(CommandOutcome.UNCHANGED)
                .expectNoEvents();
    }

    static final NonConformanceId NCR = NonConformanceId.of("NCR-20261125-7F3A9C");
    static final NonConformanceId OTHER_NCR = NonConformanceId.of("NCR-20261125-0B1C2D");
    static final PartQuarantined QUARANTINED = new PartQuarantined(S1, NCR, "bore above USL", T1);

    @Test
    void quarantiningAPartHoldsItUnderTheNonConformance() {
        fixture.given(PRODUCED)
                .when(new QuarantinePart(S1, NCR, "bore above USL", T1))
                .expectResultMessagePayload(CommandOutcome.RECORDED)
                .expectEvents(QUARANTINED);
    }

    @Test
    void quarantiningAgainUnderTheSameNonConformanceRecordsNothing() {
        fixture.given(PRODUCED, QUARANTINED)
                .when(new QuarantinePart(S1, NCR, "bore above USL", T1.plusSeconds(30)))
                .expectResultMessagePayload(CommandOutcome.UNCHANGED)
                .expectNoEvents();
    }

    @Test
    void aHeldPartCanBeHeldUnderAnotherNonConformanceToo() {
        fixture.given(PRODUCED, QUARANTINED)
                .when(new QuarantinePart(S1, OTHER_NCR, "scratch on face", T1))
                .expectResultMessagePayload(CommandOutcome.RECORDED)
                .expectEvents(new PartQuarantined(S1, OTHER_NCR, "scratch on face", T1));
    }

    @Test
    void refusesToQuarantineAPartNeverProduced() {
        fixture.givenNoPriorActivity()
                .when(new QuarantinePart(S1, NCR, "bore above USL", T1))
                .expectException(AggregateNotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void aScrappedPartIsNotHeld() {
        fixture.given(PRODUCED, dispositioned(Disposition.PENDING, Disposition.SCRAP))
                .when(new QuarantinePart(S1, NCR, "bore above USL", T1))
                .expectResultMessagePayload(CommandOutcome.UNCHANGED)
                .expectNoEvents();
    }

    @Test
    void aDecisionOnAHeldPartIsRecordedEvenWhenItRepeatsTheDisposition() {
        fixture.given(PRODUCED, dispositioned(Disposition.PENDING, Disposition.REWORK), QUARANTINED)
                .when(new DispositionPart(S1, Disposition.REWORK, "MRB decision"))
                .expectResultMessagePayload(CommandOutcome.RECORDED)
                .expectEvents(dispositioned(Disposition.REWORK, Disposition.REWORK));
    }

    @Test
    void aDispositionReleasesTheHoldSoTheNextQuarantineIsRecorded() {
        fixture.given(PRODUCED, QUARANTINED, dispositioned(Disposition.PENDING, Disposition.USE_AS_IS))
                .when(new QuarantinePart(S1, NCR, "bore above USL", T1))
                .expectResultMessagePayload(CommandOutcome.RECORDED)
                .expectEvents(QUARANTINED);
    }

    @Test
    void pendingIsNoDecisionAndReleasesNothing() {
        fixture.given(PRODUCED, QUARANTINED)
                .when(new DispositionPart(S1, Disposition.PENDING, "no decision yet"))
                .expectResultMessagePayload(CommandOutcome.UNCHANGED)
                .expectNoEvents();
    }
}
