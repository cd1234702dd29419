package io.cncvision.app.web;

import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The platform's {@link Clock}, UTC system time, unless another module or a test defines one. An
 * auto-configuration (listed in {@code META-INF/spring/...AutoConfiguration.imports}, excluded from the
 * component scan), so that {@code @ConditionalOnMissingBean} sees every user-defined clock first.
 */
@AutoConfiguration
public class SystemClockAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public Clock clock() {
        return Clock.systemUTC();
    }
}
