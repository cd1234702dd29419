package io.cncvision.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

class RolesClaimConverterTest {

    /** What the converter asked the registry, as "issuer|subject|display name". */
    private final List<String> asked = new ArrayList<>();
    private final RolesClaimConverter converter = new RolesClaimConverter((issuer, subject, displayName) -> {
        asked.add(issuer + "|" + subject + "|" + displayName);
        return "u-" + subject;
    });

    @Test
    void thePrincipalIsThePersonsUserIdAndEachRoleAnAuthority() {
        AbstractAuthenticationToken authentication = converter.convert(jwt(Map.of("roles", List.of("OPERATOR", "MACHINE"))));

        assertThat(authentication.getName()).isEqualTo("u-alice");
        assertThat(asked).containsExactly("cncvision|alice|alice");
        assertThat(authorities(authentication)).containsExactlyInAnyOrder("ROLE_OPERATOR", "ROLE_MACHINE");
    }

    @Test
    void theDisplayNameIsTheNameClaimElseThePreferredUsernameElseTheSubject() {
        converter.convert(jwt(Map.of("roles", List.of("AUDITOR"), "name", "Alice Example", "preferred_username", "alice.e")));
        converter.convert(jwt(Map.of("roles", List.of("AUDITOR"), "preferred_username", "alice.e")));
        converter.convert(jwt(Map.of("roles", List.of("AUDITOR"), "name", " ")));

        assertThat(asked).containsExactly("cncvision|alice|Alice Example", "cncvision|alice|alice.e",
                "cncvision|alice|alice");
    }

    @Test
    void aMachineKeepsItsOwnIdAndIsNoPerson() {
        AbstractAuthenticationToken authentication = converter.convert(jwt(Map.of("roles", List.of("MACHINE"))));

        assertThat(authentication.getName()).isEqualTo("alice");
        assertThat(asked).isEmpty();
    }

    @Test
    void aCallerWithoutRolesIsStillAPerson() {
        assertThat(converter.convert(jwt(Map.of())).getName()).isEqualTo("u-alice");
    }

    @Test
    void namesThatAreNoRoleAreIgnored() {
        AbstractAuthenticationToken authentication = converter.convert(
                jwt(Map.of("roles", List.of("AUDITOR", "WIZARD", "offline_access"))));

        assertThat(authorities(authentication)).containsExactly("ROLE_AUDITOR");
    }

    @Test
    void aTokenWithoutRolesGrantsNone() {
        assertThat(authorities(converter.convert(jwt(Map.of())))).isEmpty();
        assertThat(authorities(converter.convert(jwt(Map.of("roles", Map.of("nested", "ADMIN")))))).isEmpty();
    }

    @Test
    void roleNamesIgnoreCase() {
        assertThat(authorities(converter.convert(jwt(Map.of("roles", List.of("quality_manager"))))))
                .containsExactly("ROLE_QUALITY_MANAGER");
    }

    private static Jwt jwt(Map<String, Object> claims) {
        Jwt.Builder builder = Jwt.withTokenValue("t").header("alg", "ES256").subject("alice")
                .issuer("cncvision").issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60));
        claims.forEach(builder::claim);
        return builder.build();
    }

    private static List<String> authorities(AbstractAuthenticationToken authentication) {
        return authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
    }
}
