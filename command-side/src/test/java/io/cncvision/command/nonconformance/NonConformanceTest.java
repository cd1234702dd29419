package io.cncvision.command.nonconformance;

import io.cncvision.api.CommandOutcome;
import io.cncvision.api.nonconformance.ApplyContainment;
import io.cncvision.api.nonconformance.AssignCorrectiveAction;
import io.cncvision.api.nonconformance.CloseNonConformance;
import io.cncvision.api.nonconformance.ContainmentApplied;
import io.cncvision.api.nonconformance.CorrectiveActionAssigned;
import io.cncvision.api.nonconformance.DispositionSigned;
import io.cncvision.api.nonconformance.ElectronicSignature;
import io.cncvision.api.nonconformance.NonConformanceClosed;
import io.cncvision.api.nonconformance.NonConformanceDisposition;
import io.cncvision.api.nonconformance.NonConformanceOpened;
import io.cncvision.api.nonconformance.NonConformanceSource;
import io.cncvision.api.nonconformance.OpenNonConformance;
import io.cncvision.api.nonconformance.RecordRootCause;
import io.cncvision.api.nonconformance.RootCauseRecorded;
import io.cncvision.api.nonconformance.SignDisposition;
import io.cncvision.api.value.CharacteristicId;
import io.cncvision.api.value.MachineId;
import io.cncvision.api.value.NonConformanceId;
import io.cncvision.api.value.Serial;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NonConformanceTest {

    static final NonConformanceId NCR = NonConformanceId.of("NCR-20261125-7F3A9C");
    static final MachineId MILL = MachineId.of("mill-01");
    static final CharacteristicId BORE = CharacteristicId.of("pn1234-bore");
    static final Serial S1 = Serial.of("SN-1");
    static final Serial S2 = Serial.of("SN-2");
    static final Serial S3 = Serial.of("SN-3");
    static final Instant T0 = Instant.parse("2026-11-25T07:00:00Z");
    static final Instant T1 = T0.plusSeconds(600);
    static final Instant T2 = T0.plusSeconds(3600);
    static final Instant T3 = T0.plusSeconds(7200);
    static final NonConformanceOpened OPENED = new NonConformanceOpened(NCR, NonConformanceSource.OUT_OF_SPECIFICATION,
            "bore 12.031 mm above USL 12.02", MILL, BORE, null, List.of(S1), T0);
    static final ContainmentApplied CONTAINED =
            new ContainmentApplied(NCR, List.of(S1, S2), "held at final inspection", T1);
    static final RootCauseRecorded ROOT_CAUSE =
            new RootCauseRecorded(NCR, "worn boring insert T12", "5 why", "u-4711", T1);
    static final CorrectiveActionAssigned ACTION = new CorrectiveActionAssigned(NCR,
            "tool life of T12 lowered to 400 parts", "u-0815", LocalDate.of(2026, 12, 1), T1);
    static final ElectronicSignature SIGNATURE =
            new ElectronicSignature("u-0042", "approved disposition SCRAP", T2, T2.minusSeconds(60));
    static final DispositionSigned SIGNED = new DispositionSigned(NCR, NonConformanceDisposition.SCRAP,
            "bore cannot be re-cut within tolerance", null, SIGNATURE);
    static final NonConformanceClosed CLOSED =
            new NonConformanceClosed(NCR, "effective: 500 parts in spec since", "u-0042", T3);

    private FixtureConfiguration<NonConformance> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(NonConformance.class);
    }

    static OpenNonConformance open(String description, Instant openedAt) {
        return new OpenNonConformance(NCR, NonConformanceSource.OUT_OF_SPECIFICATION, description, MILL, BORE, null,
                List.of(S1), openedAt);
    }

    static SignDisposition sign(ElectronicSignature signature) {
        return new SignDisposition(NCR, NonConformanceDisposition.SCRAP, "bore cannot be re-cut within tolerance",
                null, signature);
    }

    @Test
    void openingANonConformanceRecordsWhatItConcerns() {
        fixture.givenNoPriorActivity()
                .when(open("bore 12.031 mm above USL 12.02", T0))
                .expectResultMessagePayload(CommandOutcome.RECORDED)
                .expectEvents(OPENED);
    }

    @Test
    void aRetriedOpeningOfTheSameReportRecordsNothing() {
        fixture.given(OPENED)
                .when(open("bore 12.031 mm above USL 12.02", T0.plusSeconds(5)))
                .expectResultMessagePayload(CommandOutcome.UNCHANGED)
                .expectNoEvents();
    }

    @Test
    void refusesToOpenAnNcrNumberAgainForAnotherReport() {
        fixture.given(OPENED)
                .when(open("surface scratched", T0))
                .expectException(IllegalStateException.class)
                .expectExceptionMessage("nonconformance NCR-20261125-7F3A9C was already opened for another report;"
                        + " an NCR number is used once")
                .expectNoEvents();
    }

    @Test
    void containmentHoldsTheNamedParts() {
        fixture.given(OPENED)
                .when(new ApplyContainment(NCR, List.of(S1, S2, S1), "held at final inspection", T1))
                .expectResultMessagePayload(CommandOutcome.RECORDED)
                .expectEvents(CONTAINED);
    }

    @Test
    void furtherContainmentHoldsOnlyThePartsNotHeldYet() {
        fixture.given(OPENED, CONTAINED)
                .when(new ApplyContainment(NCR, List.of(S2, S3), "lot LOT-7 sorted", T2))
                .expectResultMessagePayload(CommandOutcome.RECORDED)
                .expectEvents(new ContainmentApplied(NCR, List.of(S3), "lot LOT-7 sorted", T2));
    }

    @Test
    void containmentOfPartsAllHeldAlreadyRecordsNothing() {
        fixture.given(OPENED, CONTAINED)
                .when(new ApplyContainment(NCR, List.of(S2, S1), "sorted again", T2))
                .expectResultMessagePayload(CommandOutcome.UNCHANGED)
                .expectNoEvents();
    }

    @Test
    void containmentWithoutPartsRecordsItsAction() {
        fixture.given(OPENED)
                .when(new ApplyContainment(NCR, List.of(), "mill-01 stopped", T1))
                .expectResultMessagePayload(CommandOutcome.RECORDED)
                .expectEvents(new ContainmentApplied(NCR, List.of(), "mill-01 stopped", T1));
    }

    @Test
    void theSameContainmentWithoutPartsAgainRecordsNothing() {
        fixture.given(OPENED, new ContainmentApplied(NCR, List.of(), "mill-01 stopped", T1))
                .when(new ApplyContainment(NCR, List.of(), "mill-01 stopped", T2))
                .expectResultMessagePayload(CommandOutcome.UNCHANGED)
                .expectNoEvents();
    }

    @Test
    void recordingTheRootCauseRecordsItAndHowItWasFound() {
        fixture.given(OPENED, CONTAINED)
                .when(new RecordRootCause(NCR, "worn boring insert T12", "5 why", "u-4711", T1))
                .expectResultMessagePayload(CommandOutcome.RECORDED)
                .expectEvents(ROOT_CAUSE);
    }

    @Test
    void theSameRootCauseAgainRecordsNothing() {
        fixture.given(OPENED, ROOT_CAUSE)
                .when(new RecordRootCause(NCR, "worn boring insert T12", "5 why", "u-0042", T2))
                .expectResultMessagePayload(CommandOutcome.UNCHANGED)
                .expectNoEvents();
    }

    @Test
    void aRefinedRootCauseSupersedesTheFirst() {
        fixture.given(OPENED, ROOT_CAUSE)
                .when(new RecordRootCause(NCR, "insert T12 from a bad batch", "Ishikawa", "u-4711", T2))
                .expectResultMessagePayload(CommandOutcome.RECORDED)
                .expectEvents(new RootCauseRecorded(NCR, "insert T12 from a bad batch", "Ishikawa", "u-4711", T2));
    }

    @Test
    void assigningACorrectiveActionRecordsItsOwnerAndDueDate() {
        fixture.given(OPENED, ROOT_CAUSE)
                .when(new AssignCorrectiveAction(NCR, "tool life of T12 lowered to 400 parts", "u-0815",
                        LocalDate.of(2026, 12, 1), T1))
                .expectResultMessagePayload(CommandOutcome.RECORDED)
                .expectEvents(ACTION);
    }

    @Test
    void theSameCorrectiveActionAgainRecordsNothing() {
        fixture.given(OPENED, ACTION)
                .when(new AssignCorrectiveAction(NCR, "tool life of T12 lowered to 400 parts", "u-0815",
                        LocalDate.of(2026, 12, 1), T2))
                .expectResultMessagePayload(CommandOutcome.UNCHANGED)
                .expectNoEvents();
    }

    @Test
    void signingTheDispositionRecordsItWithItsSignature() {
        fixture.given(OPENED, CONTAINED)
                .when(sign(SIGNATURE))
                .expectResultMessagePayload(CommandOutcome.RECORDED)
                .expectEvents(SIGNED);
    }

    @Test
    void aConcessionIsSignedWithItsExpiry() {
        Instant expires = T2.plus(Duration.ofDays(30));
        ElectronicSignature signature =
                new ElectronicSignature("u-0042", "approved disposition CONCESSION", T2, T2.minusSeconds(60));
        fixture.given(OPENED)
                .when(new SignDisposition(NCR, NonConformanceDisposition.CONCESSION, "customer deviation D-17",
                        expires, signature))
                .expectResultMessagePayload(CommandOutcome.RECORDED)
                .expectEvents(new DispositionSigned(NCR, NonConformanceDisposition.CONCESSION, "customer deviation D-17",
                        expires, signature));
    }

    @Test
    void refusesToSignADispositionTwice() {
        fixture.given(OPENED, SIGNED)
                .when(sign(new ElectronicSignature("u-0043", "approved disposition SCRAP", T3, T3)))
                .expectException(IllegalStateException.class)
                .expectExceptionMessage("the disposition of nonconformance NCR-20261125-7F3A9C was signed by u-0042 at "
                        + T2 + "; a signed disposition is not signed again")
                .expectNoEvents();
    }

    @Test
    void aConcessionNeedsAnExpiryAfterTheSigning() {
        assertThatThrownBy(() -> new SignDisposition(NCR, NonConformanceDisposition.CONCESSION, "deviation", null,
                SIGNATURE)).isInstanceOf(IllegalArgumentException.class).hasMessage("concessionExpiresAt is required");
        assertThatThrownBy(() -> new SignDisposition(NCR, NonConformanceDisposition.CONCESSION, "deviation", T2,
                SIGNATURE)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("concessionExpiresAt (" + T2 + ") must be after the signing");
        assertThatThrownBy(() -> new SignDisposition(NCR, NonConformanceDisposition.SCRAP, "scrap", T3, SIGNATURE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("concessionExpiresAt is for a CONCESSION only, not SCRAP");
    }

    @Test
    void aSignatureNeedsItsMeaningAndAnAuthenticationBeforeIt() {
        assertThatThrownBy(() -> new ElectronicSignature("u-0042", " ", T2, T2))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("meaning must not be blank");
        assertThatThrownBy(() -> new ElectronicSignature("u-0042", "approved", T2, T3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("authenticatedAt");
    }

    @Test
    void closingRecordsTheClosure() {
        fixture.given(OPENED, CONTAINED, ROOT_CAUSE, ACTION, SIGNED)
                .when(new CloseNonConformance(NCR, "effective: 500 parts in spec since", "u-0042", T3))
                .expectResultMessagePayload(CommandOutcome.RECORDED)
                .expectEvents(CLOSED);
    }

    @Test
    void refusesToCloseWithoutRootCauseCorrectiveActionAndSignedDisposition() {
        fixture.given(OPENED, CONTAINED)
                .when(new CloseNonConformance(NCR, "done", "u-0042", T3))
                .expectException(IllegalStateException.class)
                .expectExceptionMessage("nonconformance NCR-20261125-7F3A9C cannot be closed: no root cause is recorded,"
                        + " no corrective action is assigned, no disposition is signed")
                .expectNoEvents();
    }

    @Test
    void refusesToCloseWithoutASignedDisposition() {
        fixture.given(OPENED, ROOT_CAUSE, ACTION)
                .when(new CloseNonConformance(NCR, "done", "u-0042", T3))
                .expectException(IllegalStateException.class)
                .expectExceptionMessage("nonconformance NCR-20261125-7F3A9C cannot be closed: no disposition is signed")
                .expectNoEvents();
    }

    @Test
    void refusesToCloseAgain() {
        fixture.given(OPENED, ROOT_CAUSE, ACTION, SIGNED, CLOSED)
                .when(new CloseNonConformance(NCR, "done", "u-0042", T3))
                .expectException(IllegalStateException.class)
                .expectExceptionMessage("nonconformance NCR-20261125-7F3A9C was closed at " + T3
                        + "; nothing changes after it is closed: open a new one")
                .expectNoEvents();
    }

    @Test
    void refusesContainmentAfterClosure() {
        fixture.given(OPENED, ROOT_CAUSE, ACTION, SIGNED, CLOSED)
                .when(new ApplyContainment(NCR, List.of(S3), "late find", T3))
                .expectException(IllegalStateException.class)
                .expectExceptionMessage("nonconformance NCR-20261125-7F3A9C was closed at " + T3
                        + "; nothing changes after it is closed: open a new one")
                .expectNoEvents();
    }

    @Test
    void refusesARootCauseAfterClosure() {
        fixture.given(OPENED, ROOT_CAUSE, ACTION, SIGNED, CLOSED)
                .when(new RecordRootCause(NCR, "another cause", "8D", "u-4711", T3))
                .expectException(IllegalStateException.class)
                .expectNoEvents();
    }

    @Test
    void refusesACorrectiveActionAfterClosure() {
        fixture.given(OPENED, ROOT_CAUSE, ACTION, SIGNED, CLOSED)
                .when(new AssignCorrectiveAction(NCR, "another action", "u-0815", LocalDate.of(2026, 12, 2), T3))
                .expectException(IllegalStateException.class)
                .expectNoEvents();
    }

    @Test
    void refusesASignatureAfterClosure() {
        fixture.given(OPENED, ROOT_CAUSE, ACTION, SIGNED, CLOSED)
                .when(sign(new ElectronicSignature("u-0043", "approved disposition SCRAP", T3, T3)))
                .expectException(IllegalStateException.class)
                .expectExceptionMessage("nonconformance NCR-20261125-7F3A9C was closed at " + T3
                        + "; nothing changes after it is closed: open a new one")
                .expectNoEvents();
    }

    @Test
    void refusesToOpenAgainAfterClosureForAnotherReport() {
        fixture.given(OPENED, ROOT_CAUSE, ACTION, SIGNED, CLOSED)
                .when(open("another report", T3))
                .expectException(IllegalStateException.class)
                .expectNoEvents();
    }

    @Test
    void commandsForAnUnknownNonConformanceAreRefused() {
        fixture.givenNoPriorActivity()
                .when(new RecordRootCause(NCR, "worn insert", "5 why", "u-4711", T1))
                .expectException(org.axonframework.modelling.command.AggregateNotFoundException.class)
                .expectNoEvents();
    }
}
