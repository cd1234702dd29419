package io.cncvision.app.security;

/** The names that tokens issued by this instance share with the resource server that checks them. */
public final class LocalTokens {

    /** The {@code iss} of every token this instance issues and accepts (without an external identity provider). */
    public static final String ISSUER = "cncvision";
    /** The claim that lists a principal's roles, an array of {@link Role} names. */
    public static final String ROLES_CLAIM = "roles";
    /** The file in the data directory that keeps the instance's signing key, a private JWK. */
    public static final String KEY_FILE = "jwt-signing-key.json";

    private LocalTokens() {
    }
}
