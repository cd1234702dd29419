package io.cncvision.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.cncvision.app.people.UserIds;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.security.oauth2.resource.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

class SecurityConfigurationTest {

    @TempDir
    Path dataDir;

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, SecurityAutoConfiguration.class,
                    OAuth2ResourceServerAutoConfiguration.class))
            .withUserConfiguration(SecurityConfiguration.class)
            .withBean(UserIds.class, () -> (issuer, subject, displayName) -> "u-" + subject);

    @Test
    void withoutAnIdentityProviderTokensAreCheckedAgainstTheInstancesOwnKey() {
        runner.withPropertyValues("cncvision.data-dir=" + dataDir).run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(SecurityFilterChain.class).hasSingleBean(SigningKeyStore.class);
            assertThat(context).getBean("localJwtDecoder").isInstanceOf(JwtDecoder.class);
            assertThat(dataDir.resolve("jwt-signing-key.json")).exists();
        });
    }

    @Test
    void anIssuerUriHandsTokenCheckingToSpringBootsDecoderForThatProvider() {
        runner.withPropertyValues("cncvision.data-dir=" + dataDir,
                        "spring.security.oauth2.resourceserver.jwt.issuer-uri=https://sso.example.com/realms/plant")
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(SecurityFilterChain.class)
                            .doesNotHaveBean(SigningKeyStore.class).doesNotHaveBean("localJwtDecoder");
                    // Boot's issuer decoder resolves the provider lazily, on the first token.
                    assertThat(context.getBean(JwtDecoder.class)).isInstanceOf(SupplierJwtDecoder.class);
                    assertThat(dataDir.resolve("jwt-signing-key.json")).doesNotExist();
                });
    }

    @Test
    void aJwkSetUriDoesToo() {
        runner.withPropertyValues("cncvision.data-dir=" + dataDir,
                        "spring.security.oauth2.resourceserver.jwt.jwk-set-uri=https://sso.example.com/jwks")
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(JwtDecoder.class)
                        .doesNotHaveBean(SigningKeyStore.class));
    }
}
