package io.cncvision.app.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.messaging.Message;
import org.axonframework.monitoring.MessageMonitor;

/**
 * The meters of one Axon component (the command bus, the event store, an event processor), under the names
 * Axon's own monitors give them ({@code commandBus.successCounter}, {@code spc-chart.latency}, ...), each
 * registered once. Axon's monitors look their meters up in the registry for every message, which cost the
 * write path a sixth of its CPU with fifteen processors reading every event.
 */
final class MessageMeters implements MessageMonitor<Message<?>> {

    private final Counter ingested;
    private final Counter processed;
    private final Counter succeeded;
    private final Counter failed;
    private final Counter ignored;
    private final Timer all;
    private final Timer successTimer;
    private final Timer failureTimer;
    private final Timer ignoredTimer;
    private final AtomicLong latencyMillis;
    private final Clock clock;

    private MessageMeters(MeterRegistry registry, String name, boolean latency, Clock clock) {
        this.ingested = registry.counter(name + ".ingestedCounter");
        this.processed = registry.counter(name + ".processedCounter");
        this.succeeded = registry.counter(name + ".successCounter");
        this.failed = registry.counter(name + ".failureCounter");
        this.ignored = registry.counter(name + ".ignoredCounter");
        this.all = registry.timer(name + ".allTimer");
        this.successTimer = registry.timer(name + ".successTimer");
        this.failureTimer = registry.timer(name + ".failureTimer");
        this.ignoredTimer = registry.timer(name + ".ignoredTimer");
        this.clock = clock;
        if (latency) {
            this.latencyMillis = new AtomicLong();
            Gauge.builder(name + ".latency", latencyMillis, AtomicLong::get)
                    .description("Milliseconds between an event's time stamp and its processor reading it")
                    .baseUnit("milliseconds")
                    .register(registry);
        } else {
            this.latencyMillis = null;
        }
    }

    /** The meters of the component of this type and name; an event processor's also tell its latency. */
    static MessageMeters of(MeterRegistry registry, Class<?> componentType, String componentName, Clock clock) {
        return new MessageMeters(registry, componentName, EventProcessor.class.isAssignableFrom(componentType), clock);
    }

    @Override
    public MonitorCallback onMessageIngested(Message<?> message) {
        ingested.increment();
        if (latencyMillis != null && message instanceof EventMessage<?> event) {
            latencyMillis.set(Math.max(0, clock.millis() - event.getTimestamp().toEpochMilli()));
        }
        long start = System.nanoTime();
        return new MonitorCallback() {
            @Override
            public void reportSuccess() {
                processed.increment();
                done(start, succeeded, successTimer);
            }

            @Override
            public void reportFailure(Throwable cause) {
                processed.increment();
                done(start, failed, failureTimer);
            }

            @Override
            public void reportIgnored() {
                done(start, ignored, ignoredTimer);
            }
        };
    }

    private void done(long start, Counter outcome, Timer outcomeTimer) {
        long nanos = System.nanoTime() - start;
        outcome.increment();
        all.record(nanos, TimeUnit.NANOSECONDS);
        outcomeTimer.record(nanos, TimeUnit.NANOSECONDS);
    }
}
