package io.cncvision.app.people;

/** Gives each person a stable pseudonymous user id, the only name of them that the audit trail carries. */
@FunctionalInterface
public interface UserIds {

    /**
     * The user id of the person a token's {@code issuer} knows as {@code subject}, assigned on first sight;
     * {@code displayName} is what to show for it.
     */
    String userIdFor(String issuer, String subject, String displayName);
}
