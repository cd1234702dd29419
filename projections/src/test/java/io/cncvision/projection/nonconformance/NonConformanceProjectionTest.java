package io.cncvision.projection.nonconformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.cncvision.api.nonconformance.ContainmentApplied;
import io.cncvision.api.nonconformance.CorrectiveActionAssigned;
import io.cncvision.api.nonconformance.DispositionSigned;
import io.cncvision.api.nonconformance.ElectronicSignature;
import io.cncvision.api.nonconformance.NonConformanceClosed;
import io.cncvision.api.nonconformance.NonConformanceDisposition;
import io.cncvision.api.nonconformance.NonConformanceOpened;
import io.cncvision.api.nonconformance.NonConformanceSource;
import io.cncvision.api.nonconformance.RootCauseRecorded;
import io.cncvision.api.value.CharacteristicId;
import io.cncvision.api.value.MachineId;
import io.cncvision.api.value.NonConformanceId;
import io.cncvision.api.value.Serial;
import io.cncvision.projection.ReadModelDatabase;
import java.sql.Array;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NonConformanceProjectionTest {

    private static final NonConformanceId NCR = NonConformanceId.of("NCR-20261125-7F3A9C");
    private static final Instant T0 = Instant.parse("2026-11-25T07:00:00Z");
    private static final Instant T1 = T0.plusSeconds(600);
    private static final Instant T2 = T0.plusSeconds(3600);
    private static final Instant T3 = T0.plusSeconds(7200);
    private static final ElectronicSignature SIGNATURE =
            new ElectronicSignature("u-0042", "approved disposition CONCESSION", T2, T2.minusSeconds(90));

    private ReadModelDatabase database;
    private NonConformanceProjection projection;

    @BeforeEach
    void emptyReadModel() {
        database = ReadModelDatabase.cleared();
        projection = new NonConformanceProjection(database.jdbc());
    }

    @Test
    void anOpenedNonConformanceIsOpenWithWhatItConcerns() {
        open();

        assertThat(row()).containsEntry("status", "OPEN").containsEntry("source", "OUT_OF_SPECIFICATION")
                .containsEntry("machine_id", "mill-01").containsEntry("characteristic_id", "pn1234-bore")
                .containsEntry("gauge_id", null);
        assertThat(strings(row().get("serials"))).containsExactly("SN-1");
    }

    @Test
    void theWholeLifecycleIsRecordedAndTheStatusMovesForward() {
        open();
        projection.on(new ContainmentApplied(NCR, List.of(Serial.of("SN-1"), Serial.of("SN-2")), "held", T1), 1);
        assertThat(row()).containsEntry("status", "CONTAINED");
        projection.on(new RootCauseRecorded(NCR, "worn insert", "5 why", "u-4711", T1), 2);
        projection.on(new RootCauseRecorded(NCR, "insert from a bad batch", "Ishikawa", "u-4711", T1), 3);
        projection.on(new CorrectiveActionAssigned(NCR, "tool life lowered", "u-0815", LocalDate.of(2026, 12, 1), T1),
                4);
        projection.on(new DispositionSigned(NCR, NonConformanceDisposition.CONCESSION, "customer deviation D-17",
                T3.plusSeconds(86_400), SIGNATURE), 5);
        // Containment after the signature holds more parts and leaves the status where it is.
        projection.on(new ContainmentApplied(NCR, List.of(Serial.of("SN-3")), "lot sorted", T2), 6);
        assertThat(row()).containsEntry("status", "DISPOSITIONED");
        projection.on(new NonConformanceClosed(NCR, "effective", "u-0042", T3), 7);

        assertThat(row()).containsEntry("status", "CLOSED").containsEntry("root_cause", "insert from a bad batch")
                .containsEntry("root_cause_method", "Ishikawa").containsEntry("disposition", "CONCESSION")
                .containsEntry("signer_id", "u-0042").containsEntry("signature_meaning", "approved disposition CONCESSION")
                .containsEntry("closed_by", "u-0042").containsEntry("closing_note", "effective");
        assertThat(instant("authenticated_at")).isEqualTo(T2.minusSeconds(90));
        assertThat(instant("concession_expires_at")).isEqualTo(T3.plusSeconds(86_400));
        assertThat(instant("closed_at")).isEqualTo(T3);
        assertThat(database.jdbc().getJdbcTemplate().queryForList(
                "SELECT serials FROM readmodel.nonconformance_containment ORDER BY sequence_number"))
                .extracting(r -> strings(r.get("serials"))).containsExactly(List.of("SN-1", "SN-2"), List.of("SN-3"));
        assertThat(database.jdbc().getJdbcTemplate().queryForList("SELECT * FROM readmodel.nonconformance_action"))
                .singleElement().satisfies(action -> assertThat(action).containsEntry("owner_id", "u-0815")
                        .containsEntry("due_on", java.sql.Date.valueOf(LocalDate.of(2026, 12, 1))));
    }

    @Test
    void redeliveredEventsChangeNothing() {
        open();
        projection.on(new RootCauseRecorded(NCR, "worn insert", "5 why", "u-4711", T1), 1);
        projection.on(new RootCauseRecorded(NCR, "insert from a bad batch", "Ishikawa", "u-4711", T1), 2);
        projection.on(new CorrectiveActionAssigned(NCR, "tool life lowered", "u-0815", LocalDate.of(2026, 12, 1), T1),
                3);

        open();
        projection.on(new RootCauseRecorded(NCR, "worn insert", "5 why", "u-4711", T1), 1);
        projection.on(new CorrectiveActionAssigned(NCR, "tool life lowered", "u-0815", LocalDate.of(2026, 12, 1), T1),
                3);

        assertThat(row()).containsEntry("status", "OPEN").containsEntry("root_cause", "insert from a bad batch");
        assertThat(count("nonconformance_action")).isEqualTo(1);
    }

    @Test
    void resetEmptiesEveryTableOfTheGroup() {
        open();
        projection.on(new ContainmentApplied(NCR, List.of(Serial.of("SN-1")), "held", T1), 1);
        projection.on(new CorrectiveActionAssigned(NCR, "tool life lowered", "u-0815", LocalDate.of(2026, 12, 1), T1),
                2);

        projection.reset();

        for (String table : List.of("nonconformance", "nonconformance_containment", "nonconformance_action")) {
            assertThat(count(table)).as(table).isZero();
        }
    }

    private void open() {
        projection.on(new NonConformanceOpened(NCR, NonConformanceSource.OUT_OF_SPECIFICATION, "bore above USL",
                MachineId.of("mill-01"), CharacteristicId.of("pn1234-bore"), null, List.of(Serial.of("SN-1")), T0), 0);
    }

    private Map<String, Object> row() {
        return database.jdbc().getJdbcTemplate().queryForMap(
                "SELECT * FROM readmodel.nonconformance WHERE nonconformance_id = ?", NCR.value());
    }

    private Instant instant(String column) {
        return ((java.sql.Timestamp) row().get(column)).toInstant();
    }

    private long count(String table) {
        return database.jdbc().getJdbcTemplate().queryForObject("SELECT count(*) FROM readmodel." + table, Long.class);
    }

    private static List<String> strings(Object array) {
        try {
            return Arrays.asList((String[]) ((Array) array).getArray());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
