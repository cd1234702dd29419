package io.cncvision.query.part;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cncvision.api.characteristic.CharacteristicDefined;
import io.cncvision.api.characteristic.MeasurementRecorded;
import io.cncvision.api.part.Disposition;
import io.cncvision.api.part.FindPartGenealogy;
import io.cncvision.api.part.InspectionDefect;
import io.cncvision.api.part.InspectionMeasurement;
import io.cncvision.api.part.InspectionResult;
import io.cncvision.api.part.PartDispositioned;
import io.cncvision.api.part.PartGenealogy;
import io.cncvision.api.part.PartInspected;
import io.cncvision.api.part.PartProduced;
import io.cncvision.api.part.PartQuarantined;
import io.cncvision.api.value.CharacteristicId;
import io.cncvision.api.value.ChartType;
import io.cncvision.api.value.CalibrationId;
import io.cncvision.api.value.GaugeId;
import io.cncvision.api.value.Sha256;
import io.cncvision.api.value.MachineId;
import io.cncvision.api.value.NonConformanceId;
import io.cncvision.api.value.Serial;
import io.cncvision.api.value.SourceMessageId;
import io.cncvision.api.value.Specification;
import io.cncvision.projection.part.PartGenealogyProjection;
import io.cncvision.query.NotFoundException;
import io.cncvision.query.QueryDatabase;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

class PartGenealogyQueriesTest {

    private static final Serial SN = Serial.of("SN-0001");
    private static final CharacteristicId BORE = CharacteristicId.of("pn1234-bore");
    private static final Instant PRODUCED = Instant.parse("2026-11-25T10:00:00Z");
    private static final Instant T1 = Instant.parse("2026-11-25T10:01:00Z");
    private static final Instant T2 = Instant.parse("2026-11-25T10:02:00Z");

    private PartGenealogyProjection projection;
    private PartGenealogyQueries queries;

    @BeforeEach
    void emptyReadModel() {
        NamedParameterJdbcTemplate jdbc = QueryDatabase.cleared().jdbc();
        projection = new PartGenealogyProjection(jdbc);
        queries = new PartGenealogyQueries(jdbc);
        projection.on(new CharacteristicDefined(BORE, "PN-1234", "Bore diameter",
                new Specification("mm", 25.0, 24.95, 25.05), 1, ChartType.IMR), 0);
    }

    @Test
    void genealogyHasOriginMeasurementsInspectionsAndDisposition() {
        projection.on(new PartProduced(SN, "PN-1234", MachineId.of("mill-01"), "O1000", "T12", "LOT-7", PRODUCED,
                SourceMessageId.of("p1")), 0);
        projection.on(new MeasurementRecorded(BORE, 25.08, SN, GaugeId.of("cam-01"), T2, SourceMessageId.of("m2"), 2),
                2);
        projection.on(new MeasurementRecorded(BORE, 25.01, SN, GaugeId.of("cam-01"), T1, SourceMessageId.of("m1"), 1),
                1);
        projection.on(PartInspected.verdict(SN, BORE, InspectionResult.FAIL, GaugeId.of("cmm-1"), "oversize", T2,
                SourceMessageId.of("i1")), 1);
        projection.on(new PartDispositioned(SN, Disposition.PENDING, Disposition.SCRAP, "oversize bore"), 2);

        assertThat(queries.handle(new FindPartGenealogy(SN))).isEqualTo(new PartGenealogy("SN-0001", "PN-1234",
                "mill-01", "O1000", "T12", "LOT-7", PRODUCED, Disposition.SCRAP,
                List.of(new PartGenealogy.Measurement("pn1234-bore", 25.01, "mm", "cam-01", T1, false),
                        new PartGenealogy.Measurement("pn1234-bore", 25.08, "mm", "cam-01", T2, true)),
                List.of(new PartGenealogy.Inspection("pn1234-bore", InspectionResult.FAIL, "cmm-1", "oversize", T2,
                        List.of(), List.of(), null, null, null))));
    }

    @Test
    void aCameraInspectionNamesWhatItMeasuredAndFoundAndTheImageCalibrationAndModel() {
        projection.on(new PartProduced(SN, "PN-1234", MachineId.of("mill-01"), "O1000", "T12", "LOT-7", PRODUCED,
                SourceMessageId.of("p1")), 0);
        List<InspectionMeasurement> measured = List.of(new InspectionMeasurement("outer-diameter", 24.981, "mm"),
                new InspectionMeasurement("bore-diameter", 12.004, "mm"));
        List<InspectionDefect> defects = List.of(new InspectionDefect("scratches", 0.97,
                new InspectionDefect.Box(410, 220, 64, 18)), new InspectionDefect("inclusion", 0.51, null));
        projection.on(new PartInspected(SN, null, InspectionResult.FAIL, GaugeId.of("cam-01"), null, T2,
                SourceMessageId.of("cam-01/f/9"), measured, defects, Sha256.of("a".repeat(64)),
                CalibrationId.of("cal-7"), Sha256.of("b".repeat(64))), 1);

        assertThat(queries.handle(new FindPartGenealogy(SN)).inspections()).containsExactly(
                new PartGenealogy.Inspection(null, InspectionResult.FAIL, "cam-01", null, T2, measured, defects,
                        "a".repeat(64), "cal-7", "b".repeat(64)));
    }

    @Test
    void measuredPartWhoseProductionIsNotReportedHasNoOrigin() {
        projection.on(new MeasurementRecorded(BORE, 25.01, SN, GaugeId.of("cam-01"), T1, SourceMessageId.of("m1"), 1),
                1);

        assertThat(queries.handle(new FindPartGenealogy(SN))).isEqualTo(new PartGenealogy("SN-0001", null, null,
                null, null, null, null, null,
                List.of(new PartGenealogy.Measurement("pn1234-bore", 25.01, "mm", "cam-01", T1, false)), List.of()));
    }

    @Test
    void producedPartWithoutMeasurementsIsPending() {
        projection.on(new PartProduced(SN, "PN-1234", MachineId.of("mill-01"), null, null, null, PRODUCED, null), 0);

        PartGenealogy genealogy = queries.handle(new FindPartGenealogy(SN));
        assertThat(genealogy.disposition()).isEqualTo(Disposition.PENDING);
        assertThat(genealogy.measurements()).isEmpty();
        assertThat(genealogy.inspections()).isEmpty();
    }

    @Test
    void aHeldPartNamesTheNonConformanceItIsHeldUnder() {
        projection.on(new PartProduced(SN, "PN-1234", MachineId.of("mill-01"), "O1000", "T12", "LOT-7", PRODUCED,
                SourceMessageId.of("p1")), 0);
        projection.on(new PartQuarantined(SN, NonConformanceId.of("NCR-20261125-7F3A9C"), "bore above USL", T1), 1);

        PartGenealogy held = queries.handle(new FindPartGenealogy(SN));
        assertThat(held.quarantinedUnder()).isEqualTo("NCR-20261125-7F3A9C");
        assertThat(held.quarantinedAt()).isEqualTo(T1);

        projection.on(new PartDispositioned(SN, Disposition.PENDING, Disposition.USE_AS_IS, "MRB decision"), 2);
        PartGenealogy released = queries.handle(new FindPartGenealogy(SN));
        assertThat(released.quarantinedUnder()).isNull();
        assertThat(released.quarantinedAt()).isNull();
    }

    @Test
    void unknownPartIsNotFound() {
        assertThatThrownBy(() -> queries.handle(new FindPartGenealogy(Serial.of("SN-9999"))))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("part 'SN-9999' not found");
    }
}
