package io.cncvision.app.web;

import static io.cncvision.app.web.RequestFields.constant;

import io.cncvision.api.nonconformance.ElectronicSignature;
import io.cncvision.api.nonconformance.NonConformanceDisposition;
import io.cncvision.api.nonconformance.SignDisposition;
import io.cncvision.api.value.NonConformanceId;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/**
 * Body of {@code POST /api/v1/nonconformances/{id}/disposition}: the decision and what the signature means
 * (21 CFR Part 11 §11.50); who signed and when they authenticated come from the bearer token.
 */
public record SignDispositionRequest(
        @Schema(implementation = NonConformanceDisposition.class, example = "SCRAP",
                requiredMode = Schema.RequiredMode.REQUIRED)
        String disposition,
        @Schema(example = "Bore cannot be re-cut within tolerance", requiredMode = Schema.RequiredMode.REQUIRED)
        String justification,
        @Schema(description = "Required for, and only for, CONCESSION: when the concession ends; after now",
                example = "2026-12-25T00:00:00Z")
        Instant concessionExpiresAt,
        @Schema(description = "What the signature means", example = "approved disposition SCRAP",
                requiredMode = Schema.RequiredMode.REQUIRED)
        String meaning) {

    NonConformanceDisposition decision() {
        return constant("disposition", disposition, NonConformanceDisposition.class);
    }

    SignDisposition toCommand(NonConformanceId id, String signerId, Instant signedAt, Instant authenticatedAt) {
        NonConformanceDisposition decision = decision();
        if (decision == NonConformanceDisposition.CONCESSION && concessionExpiresAt == null) {
            throw new InvalidFieldException("concessionExpiresAt",
                    "concessionExpiresAt is required for a CONCESSION: a concession is granted for a limited time");
        }
        if (decision != NonConformanceDisposition.CONCESSION && concessionExpiresAt != null) {
            throw new InvalidFieldException("concessionExpiresAt",
                    "concessionExpiresAt is for a CONCESSION only, not " + decision);
        }
        if (concessionExpiresAt != null && !concessionExpiresAt.isAfter(signedAt)) {
            throw new InvalidFieldException("concessionExpiresAt",
                    "concessionExpiresAt (" + concessionExpiresAt + ") must be after the signing (" + signedAt + ")");
        }
        if (meaning == null || meaning.isBlank()) {
            throw new InvalidFieldException("meaning", "meaning is required: say what the signature means, e.g. "
                    + "'approved disposition " + decision + "'");
        }
        return new SignDisposition(id, decision, justification, concessionExpiresAt,
                new ElectronicSignature(signerId, meaning, signedAt, authenticatedAt));
    }
}
