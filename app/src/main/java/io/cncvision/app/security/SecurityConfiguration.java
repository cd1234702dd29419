package io.cncvision.app.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.cncvision.app.people.UserIds;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.util.StringUtils;

/**
 * The API is a stateless OAuth2 resource server: every {@code /api} call carries a bearer JWT, checked
 * against the instance's own signing key ({@link SigningKeyStore}) or, when
 * {@code spring.security.oauth2.resourceserver.jwt.issuer-uri}, {@code .jwk-set-uri} or
 * {@code .public-key-location} is set, by Spring Boot's decoder for that external identity provider.
 * Either way the {@code roles} claim grants the {@link Role}s and {@link ApiAccessRules} decides; a person is known
 * by a pseudonymous user id ({@link UserIds}), never by name.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@SecurityScheme(name = SecurityConfiguration.BEARER_SCHEME, type = SecuritySchemeType.HTTP, scheme = "bearer",
        bearerFormat = "JWT", description = "A JWT with the claim 'roles'; ./cncvision token issues one for local use.")
public class SecurityConfiguration {

    /** The name of the OpenAPI security scheme that endpoints requiring a token refer to. */
    public static final String BEARER_SCHEME = "bearer";

    private static final Logger LOG = LoggerFactory.getLogger(SecurityConfiguration.class);

    @Bean
    public SecurityFilterChain apiSecurityFilterChain(HttpSecurity http, SecurityProblems problems, UserIds userIds)
            throws Exception {
        return http
                // Bearer tokens, not cookies: nothing for a cross-site request to ride on, so no CSRF tokens.
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .authorizeHttpRequests(ApiAccessRules::apply)
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(new RolesClaimConverter(userIds)))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .build();
    }

    @Bean
    public SecurityProblems securityProblems(ObjectMapper objectMapper) {
        return new SecurityProblems(objectMapper);
    }

    @Bean
    @Conditional(NoExternalIdentityProvider.class)
    public SigningKeyStore signingKeyStore(@Value("${cncvision.data-dir:./data}") Path dataDir) {
        return new SigningKeyStore(dataDir);
    }

    /** Accepts the tokens this instance issues: ES256 with its key, issuer {@value LocalTokens#ISSUER}, not expired. */
    @Bean
    @Conditional(NoExternalIdentityProvider.class)
    public JwtDecoder localJwtDecoder(SigningKeyStore keys) {
        ECKey key = keys.loadOrCreate();
        LOG.info("Bearer tokens are checked against the signing key {} (key id {})", keys.file(), key.getKeyID());
        return localJwtDecoder(key);
    }

    /** The decoder for tokens signed with this key; shared with the tests so that they check what the server checks. */
    public static NimbusJwtDecoder localJwtDecoder(ECKey key) {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.ES256,
                new ImmutableJWKSet<>(new JWKSet(key.toPublicJWK()))));
        // Claims are checked by Spring's validators below, as for any other decoder.
        processor.setJWTClaimsSetVerifier((claims, context) -> { });
        NimbusJwtDecoder decoder = new NimbusJwtDecoder(processor);
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(LocalTokens.ISSUER),
                new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull),
                new JwtClaimValidator<String>(JwtClaimNames.SUB, StringUtils::hasText)));
        return decoder;
    }

    /** True unless Spring Boot is configured to trust an external identity provider's tokens. */
    static final class NoExternalIdentityProvider implements Condition {

        private static final String PREFIX = "spring.security.oauth2.resourceserver.jwt.";

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            Environment environment = context.getEnvironment();
            return !StringUtils.hasText(environment.getProperty(PREFIX + "issuer-uri"))
                    && !StringUtils.hasText(environment.getProperty(PREFIX + "jwk-set-uri"))
                    && !StringUtils.hasText(environment.getProperty(PREFIX + "public-key-location"));
        }
    }
}
