package io.cncvision.app.connectors;

import io.cncvision.api.value.MachineId;
import io.cncvision.cnc.CommandDispatcher;
import io.cncvision.cnc.MachineConnection;
import io.cncvision.cnc.MachineEventTranslator;
import io.cncvision.cnc.PartNumbers;
import io.cncvision.cnc.TelemetrySink;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Connectors to the configured machines, their command dispatcher, and the telemetry seam. */
@Configuration(proxyBeanMethods = false)
class ConnectorsConfiguration {

    @Bean(destroyMethod = "")
    CommandDispatcher connectorCommandDispatcher(CommandGateway gateway, MachineConnectionsProperties properties,
                                                 MeterRegistry meters) {
        CommandDispatcher dispatcher = new CommandDispatcher(new ConnectorCommandPort(gateway),
                properties.connectors().buffer(), MachineConnection.DEFAULT_INITIAL_BACKOFF,
                MachineConnection.DEFAULT_MAXIMUM_BACKOFF);
        Gauge.builder("cncvision.connectors.commands.buffered", dispatcher, CommandDispatcher::buffered).register(meters);
        Gauge.builder("cncvision.connectors.commands.sent", dispatcher, CommandDispatcher::sent).register(meters);
        Gauge.builder("cncvision.connectors.commands.refused", dispatcher, CommandDispatcher::refused).register(meters);
        Gauge.builder("cncvision.connectors.commands.retried", dispatcher, CommandDispatcher::retried).register(meters);
        Gauge.builder("cncvision.connectors.commands.overflowed", dispatcher, CommandDispatcher::overflowed)
                .register(meters);
        return dispatcher;
    }

    /** Until the maintenance module stores telemetry, samples are counted per machine and signal. */
    @Bean
    @ConditionalOnMissingBean
    TelemetrySink telemetrySink(MeterRegistry meters) {
        Map<String, Counter> counters = new ConcurrentHashMap<>();
        return (machine, observation) -> counters.computeIfAbsent(machine.value() + "/" + observation.signal(),
                key -> Counter.builder("cncvision.connectors.telemetry.samples").tag("machine", machine.value())
                        .tag("signal", observation.signal().name()).register(meters)).increment();
    }

    @Bean
    OffsetValues offsetValues(TelemetrySink telemetry) {
        return new OffsetValues(telemetry);
    }

    @Bean
    MachineEventTranslator machineEventTranslator(CommandDispatcher connectorCommandDispatcher, OffsetValues offsets,
                                                  MachineConnectionsProperties properties) {
        // each machine's part numbers, so the parts it names are recorded as produced
        Map<MachineId, PartNumbers> partNumbers = new HashMap<>();
        for (int i = 0; i < properties.machines().size(); i++) {
            MachineConnectionsProperties.Machine machine = properties.machines().get(i);
            PartNumbers numbers = machine.toPartNumbers(i);
            if (machine.id() != null && !numbers.equals(PartNumbers.NONE)) {
                partNumbers.put(machine.toConnection(i).machine(), numbers);
            }
        }
        return new MachineEventTranslator(connectorCommandDispatcher::dispatch, offsets, partNumbers);
    }

    @Bean
    ToolOffsetWriter toolOffsetWriter(MachineConnectors machineConnectors, OffsetValues offsets, CommandGateway gateway,
                                      Clock clock) {
        return new ToolOffsetWriter(machineConnectors, offsets, gateway, clock);
    }

    /**
     * The offset writer's processor starts at the head of the event stream: corrections are written as they are
     * accepted, never replayed from history onto a machine.
     */
    @Bean
    ConfigurerModule toolOffsetWriterProcessor() {
        return configurer -> configurer.eventProcessing(processing -> processing.registerTrackingEventProcessor(
                ToolOffsetWriter.PROCESSING_GROUP, org.axonframework.config.Configuration::eventStore,
                c -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                        .andInitialTrackingToken(StreamableMessageSource::createHeadToken)));
    }

    @Bean
    MachineConnectors machineConnectors(MachineConnectionsProperties properties, CommandGateway gateway,
                                        MachineEventTranslator translator, CommandDispatcher connectorCommandDispatcher) {
        List<MachineConnection> connections = new ArrayList<>();
        for (int i = 0; i < properties.machines().size(); i++) {
            connections.add(properties.machines().get(i).toConnection(i));
        }
        return new MachineConnectors(connections, gateway, translator, connectorCommandDispatcher);
    }
}
