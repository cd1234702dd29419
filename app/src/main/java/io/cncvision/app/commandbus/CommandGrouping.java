package io.cncvision.app.commandbus;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How commands are grouped into transactions ({@code cncvision.command-bus.*}).
 *
 * @param workers       threads that run groups; an aggregate always goes to the same one
 * @param maxGroupSize  the most commands one transaction carries
 * @param queueCapacity commands a worker holds before senders wait
 */
@ConfigurationProperties("cncvision.command-bus")
public record CommandGrouping(@DefaultValue("2") int workers, @DefaultValue("200") int maxGroupSize,
                              @DefaultValue("10000") int queueCapacity) {

    public CommandGrouping {
        if (workers < 1 || maxGroupSize < 1 || queueCapacity < 1) {
            throw new IllegalArgumentException("cncvision.command-bus: workers, max-group-size and queue-capacity"
                    + " must be at least 1, not " + workers + ", " + maxGroupSize + ", " + queueCapacity);
        }
    }
}
