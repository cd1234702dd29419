package io.cncvision.api.nonconformance;

import io.cncvision.api.Checks;
import io.cncvision.api.value.NonConformanceId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Decides what becomes of the nonconforming product, under an electronic signature (IATF 16949 8.7.1,
 * 21 CFR Part 11 §11.50). A concession is granted for a limited time, so {@code concessionExpiresAt} is
 * required for CONCESSION, must lie after the signing, and is refused for any other disposition.
 */
public record SignDisposition(@TargetAggregateIdentifier NonConformanceId nonConformanceId,
                              NonConformanceDisposition disposition, String justification,
                              Instant concessionExpiresAt, ElectronicSignature signature) {

    public SignDisposition {
        Checks.required("nonConformanceId", nonConformanceId);
        Checks.required("disposition", disposition);
        Checks.text("justification", justification, 2048);
        Checks.required("signature", signature);
        if (disposition == NonConformanceDisposition.CONCESSION) {
            Checks.required("concessionExpiresAt", concessionExpiresAt);
            if (!concessionExpiresAt.isAfter(signature.signedAt())) {
                throw new IllegalArgumentException("concessionExpiresAt (" + concessionExpiresAt
                        + ") must be after the signing (" + signature.signedAt() + ")");
            }
        } else if (concessionExpiresAt != null) {
            throw new IllegalArgumentException("concessionExpiresAt is for a CONCESSION only, not " + disposition);
        }
    }
}
