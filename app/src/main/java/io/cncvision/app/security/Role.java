package io.cncvision.app.security;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** What a user or machine may do in cncvision; a token's {@code roles} claim names them. */
public enum Role {
    OPERATOR,
    QUALITY_ENGINEER,
    QUALITY_MANAGER,
    AUDITOR,
    MAINTENANCE,
    ADMIN,
    MACHINE;

    private static final String AUTHORITY_PREFIX = "ROLE_";

    /** The Spring Security authority this role grants: {@code ROLE_<name>}. */
    public String authority() {
        return AUTHORITY_PREFIX + name();
    }

    /** The role a name denotes, ignoring case and accepting '-' for '_'; empty for a name that is no role. */
    public static Optional<Role> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String normalized = name.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(values()).filter(role -> role.name().equals(normalized)).findFirst();
    }

    /** The role an authority names, or empty for an authority that is not a role. */
    public static Optional<Role> fromAuthority(String authority) {
        return authority != null && authority.startsWith(AUTHORITY_PREFIX)
                ? parse(authority.substring(AUTHORITY_PREFIX.length()))
                : Optional.empty();
    }

    /** Every role name, comma separated, for messages that list what is valid. */
    public static String allNames() {
        return Arrays.stream(values()).map(Role::name).collect(Collectors.joining(", "));
    }
}
