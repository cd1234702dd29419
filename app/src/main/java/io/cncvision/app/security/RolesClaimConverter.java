package io.cncvision.app.security;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Turns a validated JWT into the caller's identity: the principal is the token's {@code sub}, and each
 * {@link Role} named in its {@code roles} claim becomes the authority {@code ROLE_<name>}. Names that
 * are no role are ignored, so a token from an identity provider that also carries its own roles works.
 */
public final class RolesClaimConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        return new JwtAuthenticationToken(jwt, authorities(jwt), jwt.getSubject());
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
