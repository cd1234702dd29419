package io.cncvision.projection.part;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.cncvision.api.characteristic.CharacteristicDefined;
import io.cncvision.api.characteristic.MeasurementRecorded;
import io.cncvision.api.characteristic.OutOfSpecificationDetected;
import io.cncvision.api.characteristic.SpecificationRevised;
import io.cncvision.api.part.Disposition;
import io.cncvision.api.part.InspectionDefect;
import io.cncvision.api.part.InspectionMeasurement;
import io.cncvision.api.part.InspectionResult;
import io.cncvision.api.part.PartDispositioned;
import io.cncvision.api.part.PartInspected;
import io.cncvision.api.part.PartProduced;
import io.cncvision.api.part.PartQuarantined;
import io.cncvision.api.value.CharacteristicId;
import io.cncvision.api.value.ChartType;
import io.cncvision.api.value.GaugeId;
import io.cncvision.api.value.MachineId;
import io.cncvision.api.value.NonConformanceId;
import io.cncvision.api.value.Serial;
import io.cncvision.api.value.SourceMessageId;
import io.cncvision.api.value.Specification;
import io.cncvision.projection.ReadModelDatabase;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PartGenealogyProjectionTest {

    private static final Serial SN = Serial.of("SN-0001");
    private static final CharacteristicId BORE = CharacteristicId.of("pn1234-bore");
    private static final Specification SPEC = new Specification("mm", 25.0, 24.95, 25.05);
    private static final Specification WIDER = new Specification("mm", 25.0, 24.90, 25.10);
    private static final Instant PRODUCED = Instant.parse("2026-11-25T10:00:00Z");
    private static final Instant T1 = Instant.parse("2026-11-25T10:01:00.000001Z");
    private static final Instant T2 = Instant.parse("2026-11-25T10:02:00Z");

    private ReadModelDatabase database;
    private PartGenealogyProjection projection;

    @BeforeEach
    void emptyReadModel() {
        database = ReadModelDatabase.cleared();
        projection = new PartGenealogyProjection(database.jdbc());
        projection.on(new CharacteristicDefined(BORE, "PN-1234", "Bore diameter", SPEC, 1, ChartType.IMR), 0);
    }

    @Test
    void producedPartIsPendingWithItsOrigin() {
        produce();

        assertThat(part()).containsEntry("part_number", "PN-1234").containsEntry("machine_id", "mill-01")
                .containsEntry("program", "O1000").containsEntry("tool_id", "T12").containsEntry("lot", "LOT-7")
                .containsEntry("disposition", "PENDING");
    }

    @Test
    void measurementTakesUnitAndVerdictFromTheSpecificationInForce() {
        produce();
        projection.on(measured(25.07, T1, "m1"), 1);
        projection.on(new SpecificationRevised(BORE, SPEC, WIDER, "ECN-17"), 2);
        projection.on(measured(25.07, T2, "m2"), 3);

        assertThat(measurements()).extracting(m -> m.get("unit"), m -> m.get("out_of_specification"))
                .containsExactly(tuple("mm", true),
                        tuple("mm", false));
    }

    @Test
    void measurementArrivingBeforeProductionJoinsThePartWhenItIsProduced() {
        projection.on(measured(25.01, T1, "m1"), 1);
        assertThat(measurements()).hasSize(1);
        assertThat(partCount()).isZero();

        produce();

        assertThat(part()).containsEntry("machine_id", "mill-01").containsEntry("disposition", "PENDING");
        assertThat(measurements()).singleElement()
                .satisfies(m -> assertThat(m).containsEntry("serial", SN.value()).containsEntry("value", 25.01));
    }

    @Test
    void bothArrivalOrdersGiveTheSameGenealogy() {
        produce();
        projection.on(measured(25.01, T1, "m1"), 1);
        List<Map<String, Object>> productionFirst = List.of(part(), measurements().get(0));

        database.clear();
        projection.on(new CharacteristicDefined(BORE, "PN-1234", "Bore diameter", SPEC, 1, ChartType.IMR), 0);
        projection.on(measured(25.01, T1, "m1"), 1);
        produce();

        assertThat(List.of(part(), measurements().get(0))).isEqualTo(productionFirst);
    }

    @Test
    void measurementWithoutSerialIsNotPartOfAnyGenealogy() {
        projection.on(new MeasurementRecorded(BORE, 25.0, null, GaugeId.of("cam-01"), T1, SourceMessageId.of("m1"), 1),
                1);

        assertThat(measurements()).isEmpty();
    }

    @Test
    void outOfSpecificationVerdictMarksTheMeasurement() {
        // a measurement for a characteristic this group has no specification for gets its verdict from the event
        CharacteristicId depth = CharacteristicId.of("pn1234-depth");
        GaugeId cmm = GaugeId.of("cmm-1");
        projection.on(new MeasurementRecorded(depth, 12.5, SN, cmm, T1, SourceMessageId.of("d1"), 1), 4);
        projection.on(new MeasurementRecorded(depth, 12.5, SN, cmm, T2, SourceMessageId.of("d2"), 2), 5);
        assertThat(measurements()).allSatisfy(m -> assertThat(m).containsEntry("out_of_specification", false));

        projection.on(new OutOfSpecificationDetected(depth, 12.5, SN, new Specification("mm", 12.0, 11.9, 12.1), T2,
                SourceMessageId.of("d2")));

        assertThat(measurements()).extracting(m -> m.get("out_of_specification")).containsExactly(false, true);
    }

    @Test
    void inspectionsAndDispositionAreRecorded() {
        produce();
        projection.on(PartInspected.verdict(SN, BORE, InspectionResult.FAIL, GaugeId.of("cmm-1"), "burr", T1,
                SourceMessageId.of("i1")), 1);
        projection.on(new PartDispositioned(SN, Disposition.PENDING, Disposition.REWORK, "deburr"), 2);
        projection.on(PartInspected.verdict(SN, BORE, InspectionResult.PASS, GaugeId.of("cmm-1"), null, T2,
                SourceMessageId.of("i2")), 3);
        projection.on(new PartDispositioned(SN, Disposition.REWORK, Disposition.ACCEPT, "reworked"), 4);

        assertThat(part()).containsEntry("disposition", "ACCEPT");
        assertThat(inspections()).extracting(i -> i.get("result"), i -> i.get("note"))
                .containsExactly(tuple("FAIL", "burr"),
                        tuple("PASS", null));
    }

    @Test
    void redeliveredEventsChangeNothing() {
        produce();
        PartInspected inspected = PartInspected.verdict(SN, BORE, InspectionResult.PASS, GaugeId.of("cmm-1"), null, T1,
                SourceMessageId.of("i1"));
        PartDispositioned rework = new PartDispositioned(SN, Disposition.PENDING, Disposition.REWORK, "deburr");
        projection.on(inspected, 1);
        projection.on(rework, 2);
        projection.on(new PartDispositioned(SN, Disposition.REWORK, Disposition.SCRAP, "cracked"), 3);
        projection.on(measured(25.07, T1, "m1"), 1);
        projection.on(outOfSpec(25.07, T1, "m1"));
        List<Object> before = List.of(part(), measurements(), inspections());

        produce();
        projection.on(inspected, 1);
        projection.on(rework, 2);
        projection.on(new CharacteristicDefined(BORE, "PN-1234", "Bore diameter", SPEC, 1, ChartType.IMR), 0);
        projection.on(measured(25.07, T1, "m1"), 1);
        projection.on(outOfSpec(25.07, T1, "m1"));

        assertThat(List.of(part(), measurements(), inspections())).isEqualTo(before);
        assertThat(part()).containsEntry("disposition", "SCRAP");
    }

    @Test
    void resetEmptiesEveryTableOfTheGroup() {
        produce();
        projection.on(measured(25.01, T1, "m1"), 1);
        projection.on(new PartInspected(SN, BORE, InspectionResult.PASS, GaugeId.of("cam-1"), null, T1,
                SourceMessageId.of("i1"), List.of(new InspectionMeasurement("bore-diameter", 25.01, "mm")),
                List.of(new InspectionDefect("scratches", 0.9, null)), null, null, null), 1);

        projection.reset();

        for (String table : List.of("part", "part_measurement", "part_inspection", "part_inspection_measurement",
                "part_inspection_defect", "part_genealogy_specification")) {
            assertThat(database.jdbc().getJdbcTemplate()
                    .queryForObject("SELECT count(*) FROM readmodel." + table, Long.class)).as(table).isZero();
        }
    }

    @Test
    void aQuarantinedPartShowsTheNonConformanceUntilItsDisposition() {
        produce();
        projection.on(new PartQuarantined(SN, NonConformanceId.of("NCR-20261125-7F3A9C"), "bore above USL", T1), 1);

        assertThat(part()).containsEntry("quarantined_under", "NCR-20261125-7F3A9C");
        assertThat(((java.sql.Timestamp) part().get("quarantined_at")).toInstant()).isEqualTo(T1);

        projection.on(new PartQuarantined(SN, NonConformanceId.of("NCR-20261125-7F3A9C"), "bore above USL", T1), 1);
        projection.on(new PartDispositioned(SN, Disposition.PENDING, Disposition.PENDING, "no decision"), 2);
        assertThat(part()).containsEntry("quarantined_under", "NCR-20261125-7F3A9C");

        projection.on(new PartDispositioned(SN, Disposition.PENDING, Disposition.REWORK, "MRB decision"), 3);
        assertThat(part()).containsEntry("disposition", "REWORK").containsEntry("quarantined_under", null)
                .containsEntry("quarantined_at", null);
    }

    private void produce() {
        projection.on(new PartProduced(SN, "PN-1234", MachineId.of("mill-01"), "O1000", "T12", "LOT-7", PRODUCED,
                SourceMessageId.of("p1")), 0);
    }

    private static MeasurementRecorded measured(double value, Instant at, String source) {
        return new MeasurementRecorded(BORE, value, SN, GaugeId.of("cam-01"), at, SourceMessageId.of(source), 1);
    }

    private static OutOfSpecificationDetected outOfSpec(double value, Instant at, String source) {
        return new OutOfSpecificationDetected(BORE, value, SN, SPEC, at, SourceMessageId.of(source));
    }

    private Map<String, Object> part() {
        return database.jdbc().getJdbcTemplate().queryForMap("SELECT * FROM readmodel.part WHERE serial = ?",
                SN.value());
    }

    private long partCount() {
        return database.jdbc().getJdbcTemplate().queryForObject("SELECT count(*) FROM readmodel.part", Long.class);
    }

    private List<Map<String, Object>> measurements() {
        return database.jdbc().getJdbcTemplate().queryForList(
                "SELECT * FROM readmodel.part_measurement WHERE serial = ? ORDER BY observed_at", SN.value());
    }

    private List<Map<String, Object>> inspections() {
        return database.jdbc().getJdbcTemplate().queryForList(
                "SELECT * FROM readmodel.part_inspection WHERE serial = ? ORDER BY observed_at", SN.value());
    }
}
