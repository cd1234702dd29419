package io.cncvision.api.nonconformance;

import io.cncvision.api.Checks;
import java.time.Instant;

/**
 * An electronic signature (21 CFR Part 11 §11.50): who signed, what the signature means, when it was
 * signed, and when the signer last proved who they are. {@code signerId} is a stable pseudonymous user id
 * (the token subject), never a person's name, so that an event that must stay forever holds no personal
 * data beyond it; the directory that maps it to a printed name is kept outside the event store.
 */
public record ElectronicSignature(String signerId, String meaning, Instant signedAt, Instant authenticatedAt) {

    public ElectronicSignature {
        Checks.text("signerId", signerId, 128);
        Checks.text("meaning", meaning, 256);
        Checks.required("signedAt", signedAt);
        Checks.required("authenticatedAt", authenticatedAt);
        if (authenticatedAt.isAfter(signedAt)) {
            throw new IllegalArgumentException("authenticatedAt (" + authenticatedAt
                    + ") must not be after signedAt (" + signedAt + ")");
        }
    }
}
