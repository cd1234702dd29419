package io.cncvision.app.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Monitors Axon's command bus, query bus, event store and every event processor with {@link MessageMeters}
 * (Axon's own auto-configured monitors are switched off in application.yml: {@code axon.metrics}).
 */
@Configuration(proxyBeanMethods = false)
public class MessageMetricsConfiguration {

    @Bean
    ConfigurerModule messageMeters(MeterRegistry registry) {
        Map<String, MessageMeters> byName = new ConcurrentHashMap<>();
        Clock clock = Clock.systemUTC();
        // Two components of one name (the batching command bus and the bus it wraps) share their meters.
        return configurer -> configurer.configureMessageMonitor(configuration -> (componentType, componentName) ->
                byName.computeIfAbsent(componentName, name -> MessageMeters.of(registry, componentType, name, clock)));
    }
}
