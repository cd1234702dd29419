package io.cncvision.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.messaging.MetaData;
import org.axonframework.monitoring.MessageMonitor.MonitorCallback;
import org.junit.jupiter.api.Test;

class MessageMetersTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-25T10:00:05Z"), ZoneOffset.UTC);

    @Test
    void countsAndTimesUnderTheNamesOfAxonsOwnMonitors() {
        MessageMeters commandBus = MessageMeters.of(registry, CommandBus.class, "commandBus", clock);
        for (int i = 0; i < 3; i++) {
            commandBus.onMessageIngested(GenericCommandMessage.asCommandMessage("c" + i)).reportSuccess();
        }
        commandBus.onMessageIngested(GenericCommandMessage.asCommandMessage("bad"))
                .reportFailure(new IllegalStateException("refused"));

        assertThat(registry.get("commandBus.ingestedCounter").counter().count()).isEqualTo(4);
        assertThat(registry.get("commandBus.successCounter").counter().count()).isEqualTo(3);
        assertThat(registry.get("commandBus.failureCounter").counter().count()).isEqualTo(1);
        assertThat(registry.get("commandBus.processedCounter").counter().count()).isEqualTo(4);
        assertThat(registry.get("commandBus.allTimer").timer().count()).isEqualTo(4);
        assertThat(registry.get("commandBus.successTimer").timer().count()).isEqualTo(3);
        assertThat(registry.get("commandBus.failureTimer").timer().count()).isEqualTo(1);
        assertThat(registry.find("commandBus.latency").gauge()).as("only processors have a latency").isNull();
    }

    @Test
    void anEventProcessorTellsHowLongAfterItsTimeStampItReadAnEventAndWhatItIgnored() {
        MessageMeters processor = MessageMeters.of(registry, TrackingEventProcessor.class, "spc-chart", clock);
        GenericEventMessage<String> event = new GenericEventMessage<>("e-1", "payload", MetaData.emptyInstance(),
                Instant.parse("2026-11-25T10:00:03.750Z"));
        MonitorCallback callback = processor.onMessageIngested(event);
        callback.reportIgnored();

        assertThat(registry.get("spc-chart.latency").gauge().value()).isEqualTo(1250.0);
        assertThat(registry.get("spc-chart.ignoredCounter").counter().count()).isEqualTo(1);
        assertThat(registry.get("spc-chart.ignoredTimer").timer().count()).isEqualTo(1);
        assertThat(registry.get("spc-chart.processedCounter").counter().count()).isZero();
    }

    @Test
    void registersEachMeterOnceWhateverTheNumberOfMessages() {
        MessageMeters processor = MessageMeters.of(registry, TrackingEventProcessor.class, "characteristics", clock);
        int meters = registry.getMeters().size();
        for (int i = 0; i < 100; i++) {
            processor.onMessageIngested(GenericEventMessage.asEventMessage("e" + i)).reportSuccess();
        }
        assertThat(registry.getMeters()).hasSize(meters);
        assertThat(registry.get("characteristics.successCounter").counter().count()).isEqualTo(100);
    }
}
