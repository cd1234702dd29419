package io.cncvision.app.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.UUID;

/** Issues the instance's own bearer tokens (ES256 JWTs), for local use and tests; production may use an external SSO. */
public final class TokenIssuer {

    private final ECKey key;
    private final Clock clock;

    public TokenIssuer(ECKey key, Clock clock) {
        if (!key.isPrivate()) {
            throw new IllegalArgumentException("issuing tokens needs the private key");
        }
        this.key = key;
        this.clock = clock;
    }

    /** A signed token: iss {@value LocalTokens#ISSUER}, sub the user, the roles, iat now, exp now + ttl, a fresh jti. */
    public String issue(String subject, Collection<Role> roles, Duration ttl) {
        return issue(subject, null, roles, ttl);
    }

    /** As {@link #issue(String, Collection, Duration)}, with the person's display name as the claim {@code name}, if given. */
    public String issue(String subject, String displayName, Collection<Role> roles, Duration ttl) {
        if (subject == null || subject.isBlank()) {
            throw new IllegalArgumentException("user must not be blank");
        }
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("ttl must be positive, not " + ttl);
        }
        // JWT times are whole seconds (RFC 7519 NumericDate).
        Instant issuedAt = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(LocalTokens.ISSUER)
                .subject(subject)
                .claim(LocalTokens.ROLES_CLAIM, roles.stream().distinct().map(Role::name).toList())
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(issuedAt.plus(ttl)))
                .jwtID(UUID.randomUUID().toString());
        if (displayName != null && !displayName.isBlank()) {
            // OpenID Connect's claim, as an identity provider sends it: what the people registry shows for the person.
            claims.claim("name", displayName.strip());
        }
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.ES256)
                .type(JOSEObjectType.JWT)
                .keyID(key.getKeyID())
                .build();
        SignedJWT jwt = new SignedJWT(header, claims.build());
        try {
            jwt.sign(new ECDSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign the token: " + e.getMessage(), e);
        }
        return jwt.serialize();
    }
}
