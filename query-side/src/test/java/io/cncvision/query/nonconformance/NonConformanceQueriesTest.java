package io.cncvision.query.nonconformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cncvision.api.nonconformance.ContainmentApplied;
import io.cncvision.api.nonconformance.CorrectiveActionAssigned;
import io.cncvision.api.nonconformance.DispositionSigned;
import io.cncvision.api.nonconformance.ElectronicSignature;
import io.cncvision.api.nonconformance.FindNonConformance;
import io.cncvision.api.nonconformance.FindNonConformances;
import io.cncvision.api.nonconformance.NonConformanceDisposition;
import io.cncvision.api.nonconformance.NonConformanceOpened;
import io.cncvision.api.nonconformance.NonConformanceSource;
import io.cncvision.api.nonconformance.NonConformanceStatus;
import io.cncvision.api.nonconformance.NonConformanceView;
import io.cncvision.api.nonconformance.RootCauseRecorded;
import io.cncvision.api.value.CharacteristicId;
import io.cncvision.api.value.MachineId;
import io.cncvision.api.value.NonConformanceId;
import io.cncvision.api.value.Serial;
import io.cncvision.projection.nonconformance.NonConformanceProjection;
import io.cncvision.query.NotFoundException;
import io.cncvision.query.QueryDatabase;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

class NonConformanceQueriesTest {

    private static final NonConformanceId NCR_1 = NonConformanceId.of("NCR-20261125-000001");
    private static final NonConformanceId NCR_2 = NonConformanceId.of("NCR-20261125-000002");
    private static final MachineId MILL = MachineId.of("mill-01");
    private static final CharacteristicId BORE = CharacteristicId.of("pn1234-bore");
    private static final Instant T0 = Instant.parse("2026-11-25T07:00:00Z");
    private static final Instant T1 = T0.plusSeconds(600);
    private static final Instant T2 = T0.plusSeconds(3600);
    private static final ElectronicSignature SIGNATURE =
            new ElectronicSignature("u-0042", "approved disposition SCRAP", T2, T2.minusSeconds(30));

    private NonConformanceProjection projection;
    private NonConformanceQueries queries;

    @BeforeEach
    void emptyReadModel() {
        NamedParameterJdbcTemplate jdbc = QueryDatabase.cleared().jdbc();
        projection = new NonConformanceProjection(jdbc);
        queries = new NonConformanceQueries(jdbc);
        projection.on(new NonConformanceOpened(NCR_1, NonConformanceSource.OUT_OF_SPECIFICATION, "bore above USL",
                MILL, BORE, null, List.of(Serial.of("SN-1")), T0), 0);
        projection.on(new ContainmentApplied(NCR_1, List.of(Serial.of("SN-1"), Serial.of("SN-2")), "held", T1), 1);
        projection.on(new ContainmentApplied(NCR_1, List.of(Serial.of("SN-3")), "lot sorted", T1), 2);
        projection.on(new RootCauseRecorded(NCR_1, "worn insert", "5 why", "u-4711", T1), 3);
        projection.on(new CorrectiveActionAssigned(NCR_1, "tool life lowered", "u-0815", LocalDate.of(2026, 12, 1),
                T1), 4);
        projection.on(new DispositionSigned(NCR_1, NonConformanceDisposition.SCRAP, "cannot be re-cut", null,
                SIGNATURE), 5);
        projection.on(new NonConformanceOpened(NCR_2, NonConformanceSource.PERSON, "scratch on face",
                MachineId.of("lathe-1"), null, null, List.of(), T1), 0);
    }

    @Test
    void aNonConformanceShowsEverythingRecordedOfIt() {
        NonConformanceView view = queries.handle(new FindNonConformance(NCR_1));

        assertThat(view.status()).isEqualTo(NonConformanceStatus.DISPOSITIONED);
        assertThat(view.serials()).containsExactly("SN-1");
        assertThat(view.heldSerials()).containsExactly("SN-1", "SN-2", "SN-3");
        assertThat(view.containments()).containsExactly(
                new NonConformanceView.Containment("held", T1, List.of("SN-1", "SN-2")),
                new NonConformanceView.Containment("lot sorted", T1, List.of("SN-3")));
        assertThat(view.rootCause()).isEqualTo(new NonConformanceView.RootCause("worn insert", "5 why", "u-4711", T1));
        assertThat(view.correctiveActions()).containsExactly(new NonConformanceView.CorrectiveAction(
                "tool life lowered", "u-0815", LocalDate.of(2026, 12, 1), T1));
        assertThat(view.disposition()).isEqualTo(new NonConformanceView.SignedDisposition(
                NonConformanceDisposition.SCRAP, "cannot be re-cut", null, SIGNATURE));
        assertThat(view.openedAt()).isEqualTo(T0);
        assertThat(view.closedAt()).isNull();
    }

    @Test
    void theRegisterIsNewestFirstAndFiltersByStatusMachineAndCharacteristic() {
        assertThat(queries.handle(new FindNonConformances(null, null, null)))
                .extracting(NonConformanceView::nonConformanceId).containsExactly(NCR_2.value(), NCR_1.value());
        assertThat(queries.handle(new FindNonConformances(NonConformanceStatus.OPEN, null, null)))
                .extracting(NonConformanceView::nonConformanceId).containsExactly(NCR_2.value());
        assertThat(queries.handle(new FindNonConformances(null, MILL, null)))
                .extracting(NonConformanceView::nonConformanceId).containsExactly(NCR_1.value());
        assertThat(queries.handle(new FindNonConformances(NonConformanceStatus.OPEN, null, BORE))).isEmpty();
        assertThat(queries.handle(new FindNonConformances(null, null, BORE)).get(0).heldSerials()).hasSize(3);
    }

    @Test
    void anUnknownNonConformanceIsNotFound() {
        assertThatThrownBy(() -> queries.handle(new FindNonConformance(NonConformanceId.of("NCR-unknown"))))
                .isInstanceOf(NotFoundException.class).hasMessage("nonconformance 'NCR-unknown' not found");
    }
}
