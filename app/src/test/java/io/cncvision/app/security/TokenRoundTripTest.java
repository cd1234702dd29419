package io.cncvision.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

class TokenRoundTripTest {

    @TempDir
    Path dataDir;

    private ECKey key;
    private JwtDecoder decoder;

    @BeforeEach
    void setUp() {
        key = new SigningKeyStore(dataDir).loadOrCreate();
        decoder = SecurityConfiguration.localJwtDecoder(key);
    }

    @Test
    void aTokenIssuedWithTheInstanceKeyIsAcceptedWithItsClaims() {
        String token = new TokenIssuer(key, Clock.systemUTC())
                .issue("alice", List.of(Role.QUALITY_ENGINEER, Role.AUDITOR), Duration.ofHours(8));

        Jwt jwt = decoder.decode(token);

        assertThat(jwt.getSubject()).isEqualTo("alice");
        assertThat(jwt.getClaimAsString("iss")).isEqualTo("cncvision");
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("QUALITY_ENGINEER", "AUDITOR");
        assertThat(jwt.getId()).isNotBlank();
        assertThat(Duration.between(jwt.getIssuedAt(), jwt.getExpiresAt())).isEqualTo(Duration.ofHours(8));
        assertThat(jwt.getHeaders()).containsEntry("alg", "ES256").containsEntry("kid", key.getKeyID());
    }

    @Test
    void everyTokenHasItsOwnId() {
        TokenIssuer issuer = new TokenIssuer(key, Clock.systemUTC());

        String first = issuer.issue("alice", List.of(Role.OPERATOR), Duration.ofMinutes(5));
        String second = issuer.issue("alice", List.of(Role.OPERATOR), Duration.ofMinutes(5));

        assertThat(decoder.decode(first).getId()).isNotEqualTo(decoder.decode(second).getId());
    }

    @Test
    void anExpiredTokenIsRefused() {
        Clock twoHoursAgo = Clock.fixed(Instant.now().minus(Duration.ofHours(2)), ZoneOffset.UTC);
        String token = new TokenIssuer(key, twoHoursAgo).issue("alice", List.of(Role.OPERATOR), Duration.ofHours(1));

        assertThatThrownBy(() -> decoder.decode(token))
                .isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("expired");
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefused() {
        ECKey otherKey = new SigningKeyStore(dataDir.resolve("other-instance")).loadOrCreate();
        String token = new TokenIssuer(otherKey, Clock.systemUTC()).issue("mallory", List.of(Role.ADMIN), Duration.ofHours(1));

        assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(BadJwtException.class);
    }

    @Test
    void aTokenFromAnotherIssuerIsRefused() throws Exception {
        String token = sign(new JWTClaimsSet.Builder().issuer("someone-else").subject("alice")
                .expirationTime(Date.from(Instant.now().plusSeconds(600))).build());

        assertThatThrownBy(() -> decoder.decode(token))
                .isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("iss");
    }

    @Test
    void aTokenWithoutExpiryIsRefused() throws Exception {
        String token = sign(new JWTClaimsSet.Builder().issuer("cncvision").subject("alice").build());

        assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("exp");
    }

    @Test
    void aTokenWithoutSubjectIsRefused() throws Exception {
        String token = sign(new JWTClaimsSet.Builder().issuer("cncvision")
                .expirationTime(Date.from(Instant.now().plusSeconds(600))).build());

        assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("sub");
    }

    @Test
    void theIssuerRefusesANonPositiveLifetime() {
        TokenIssuer issuer = new TokenIssuer(key, Clock.systemUTC());

        assertThatThrownBy(() -> issuer.issue("alice", List.of(Role.OPERATOR), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ttl");
    }

    private String sign(JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).type(JOSEObjectType.JWT)
                .keyID(key.getKeyID()).build(), claims);
        jwt.sign(new ECDSASigner(key));
        return jwt.serialize();
    }
}
