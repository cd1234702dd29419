package io.cncvision.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.ErrorResponseException;

/** 21 CFR Part 11 §11.50 as the disposition endpoint applies it: the signer authenticated within 5 minutes. */
class SignatureAuthenticationTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    private static Jwt.Builder token() {
        return Jwt.withTokenValue("t").header("alg", "ES256").subject("qm-7");
    }

    @Test
    void aTokenIssuedWithinFiveMinutesSigns() {
        Jwt jwt = token().issuedAt(NOW.minusSeconds(299)).build();

        assertThat(NonConformanceCommandController.recentAuthentication(jwt, NOW)).isEqualTo(NOW.minusSeconds(299));
    }

    @Test
    void authTimeTellsWhenTheSignerAuthenticatedRatherThanWhenTheTokenWasIssued() {
        Jwt refreshed = token().issuedAt(NOW.minusSeconds(10)).claim("auth_time", NOW.minusSeconds(3600).getEpochSecond())
                .build();
        Jwt reauthenticated = token().issuedAt(NOW.minusSeconds(3600))
                .claim("auth_time", NOW.minusSeconds(60).getEpochSecond()).build();

        assertThatThrownBy(() -> NonConformanceCommandController.recentAuthentication(refreshed, NOW))
                .isInstanceOf(ErrorResponseException.class);
        assertThat(NonConformanceCommandController.recentAuthentication(reauthenticated, NOW))
                .isEqualTo(NOW.minusSeconds(60));
    }

    @Test
    void anOlderTokenIsAskedToReauthenticate() {
        Jwt jwt = token().issuedAt(NOW.minusSeconds(301)).build();

        assertThatThrownBy(() -> NonConformanceCommandController.recentAuthentication(jwt, NOW))
                .isInstanceOfSatisfying(ErrorResponseException.class, refusal -> {
                    assertThat(refusal.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
                    assertThat(refusal.getBody().getTitle()).isEqualTo("Re-authentication required");
                    assertThat(refusal.getBody().getDetail()).contains("within the last 5 minutes")
                            .contains("./cncvision token --user qm-7 --roles QUALITY_MANAGER --ttl 5m");
                    assertThat(refusal.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE))
                            .contains("insufficient_user_authentication").contains("max_age=\"300\"");
                });
    }

    @Test
    void aTokenThatSaysNeitherWhenItWasIssuedNorWhenItsSubjectAuthenticatedCannotSign() {
        Jwt jwt = token().claim("roles", "QUALITY_MANAGER").build();

        assertThatThrownBy(() -> NonConformanceCommandController.recentAuthentication(jwt, NOW))
                .isInstanceOfSatisfying(ErrorResponseException.class,
                        refusal -> assertThat(refusal.getBody().getDetail()).contains("neither auth_time nor iat"));
    }

    @Test
    void aFewSecondsOfClockSkewCountAsNowButATokenFromTheFutureDoesNot() {
        assertThat(NonConformanceCommandController.recentAuthentication(token().issuedAt(NOW.plusSeconds(5)).build(),
                NOW)).isEqualTo(NOW);
        assertThatThrownBy(() -> NonConformanceCommandController.recentAuthentication(
                token().issuedAt(NOW.plusSeconds(3600)).build(), NOW)).isInstanceOf(ErrorResponseException.class);
    }
}
