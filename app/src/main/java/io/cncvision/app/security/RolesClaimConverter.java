package io.cncvision.app.security;

import io.cncvision.app.people.UserIds;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.util.StringUtils;

/**
 * Turns a validated JWT into the caller's identity. Each {@link Role} named in its {@code roles} claim becomes the
 * authority {@code ROLE_<name>}; names that are no role are ignored, so a token from an identity provider that also
 * carries its own roles works. The principal, which every command records, is a person's pseudonymous user id
 * ({@link UserIds}), never their name; a machine's token (the role MACHINE alone) keeps its subject, the
 * equipment's own id ({@code cam-1}, {@code lathe-1}), which is no personal data.
 */
public final class RolesClaimConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    private final UserIds userIds;

    public RolesClaimConverter(UserIds userIds) {
        this.userIds = userIds;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        Collection<GrantedAuthority> authorities = authorities(jwt);
        String principal = isMachine(authorities)
                ? jwt.getSubject()
                : userIds.userIdFor(jwt.getClaimAsString(JwtClaimNames.ISS), jwt.getSubject(), displayName(jwt));
        return new JwtAuthenticationToken(jwt, authorities, principal);
    }

    /** OpenID Connect's {@code name}, else {@code preferred_username}, else the subject. */
    static String displayName(Jwt jwt) {
        for (String claim : List.of("name", "preferred_username")) {
            Object value = jwt.getClaims().get(claim);
            if (value instanceof String text && StringUtils.hasText(text)) {
                return text;
            }
        }
        return jwt.getSubject();
    }

    private static boolean isMachine(Collection<GrantedAuthority> authorities) {
        return !authorities.isEmpty()
                && authorities.stream().allMatch(a -> Role.MACHINE.authority().equals(a.getAuthority()));
    }

    static Collection<GrantedAuthority> authorities(Jwt jwt) {
        List<String> names;
        try {
            names = jwt.hasClaim(LocalTokens.ROLES_CLAIM) ? jwt.getClaimAsStringList(LocalTokens.ROLES_CLAIM) : null;
        } catch (IllegalArgumentException notAList) {
            // A roles claim of another shape (an object) grants nothing rather than failing the request.
            names = null;
        }
        if (names == null) {
            return List.of();
        }
        return names.stream()
                .map(Role::parse)
                .flatMap(Optional::stream)
                .distinct()
                .map(role -> (GrantedAuthority) new SimpleGrantedAuthority(role.authority()))
                .toList();
    }
}
