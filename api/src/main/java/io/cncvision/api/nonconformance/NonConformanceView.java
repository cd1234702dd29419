package io.cncvision.api.nonconformance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A nonconformance as the read model knows it: what opened it and what it concerns, the parts held under it,
 * its root cause (the latest recorded, null before one), its corrective actions, its signed disposition (null
 * before it is signed) and when it was opened and closed.
 */
public record NonConformanceView(String nonConformanceId, NonConformanceSource source, NonConformanceStatus status,
                                 String description, String machineId, String characteristicId, String gaugeId,
                                 List<String> serials, List<String> heldSerials, List<Containment> containments,
                                 RootCause rootCause, List<CorrectiveAction> correctiveActions,
                                 SignedDisposition disposition, Instant openedAt, Instant closedAt, String closedBy,
                                 String closingNote) {

    public NonConformanceView {
        serials = serials == null ? List.of() : List.copyOf(serials);
        heldSerials = heldSerials == null ? List.of() : List.copyOf(heldSerials);
        containments = containments == null ? List.of() : List.copyOf(containments);
        correctiveActions = correctiveActions == null ? List.of() : List.copyOf(correctiveActions);
    }

    /** One containment applied: what was done and the parts it newly held. */
    public record Containment(String action, Instant appliedAt, List<String> serials) {

        public Containment {
            serials = serials == null ? List.of() : List.copyOf(serials);
        }
    }

    /** The root cause and how it was found. */
    public record RootCause(String rootCause, String method, String recordedBy, Instant recordedAt) {
    }

    /** A corrective action, its owner (a user id) and when it is due. */
    public record CorrectiveAction(String action, String ownerId, LocalDate dueOn, Instant assignedAt) {
    }

    /** The signed disposition. */
    public record SignedDisposition(NonConformanceDisposition disposition, String justification,
                                    Instant concessionExpiresAt, ElectronicSignature signature) {
    }
}
