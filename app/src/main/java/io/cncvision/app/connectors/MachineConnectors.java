package io.cncvision.app.connectors;

import io.cncvision.api.machine.RegisterMachine;
import io.cncvision.cnc.CommandDispatcher;
import io.cncvision.cnc.MachineConnection;
import io.cncvision.cnc.MachineConnector;
import io.cncvision.cnc.MachineEventTranslator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The configured machines' connectors, started once the platform takes commands and closed before it
 * stops: each machine is registered (once; a machine already registered stays as it is), then its
 * connector connects and keeps reconnecting, and what it hears goes through the translator and the
 * dispatcher to the command bus.
 */
public final class MachineConnectors implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MachineConnectors.class);

    private final List<MachineConnection> connections;
    private final CommandGateway gateway;
    private final MachineEventTranslator translator;
    private final CommandDispatcher dispatcher;
    private final Map<String, MachineConnector> connectors = new LinkedHashMap<>();
    private volatile boolean running;

    MachineConnectors(List<MachineConnection> connections, CommandGateway gateway, MachineEventTranslator translator,
                      CommandDispatcher dispatcher) {
        this.connections = connections;
        this.gateway = gateway;
        this.translator = translator;
        this.dispatcher = dispatcher;
    }

    @Override
    public void start() {
        for (MachineConnection connection : connections) {
            register(connection);
            MachineConnector connector = io.cncvision.cnc.MachineConnectors.create(connection);
            connectors.put(connection.machine().value(), connector);
            connector.start(translator);
            log.info("machine {} ({}): connecting over {} to {}", connection.machine(), connection.name(),
                    connection.protocol().code(), connection.endpoint());
        }
        running = true;
    }

    private void register(MachineConnection connection) {
        try {
            gateway.sendAndWait(new RegisterMachine(connection.machine(), connection.name(), connection.protocol(),
                    connection.endpoint()), 30, TimeUnit.SECONDS);
        } catch (RuntimeException e) {
            if (!alreadyRegistered(e)) {
                throw e;
            }
        }
    }

    private static boolean alreadyRegistered(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof AggregateStreamCreationException
                    || String.valueOf(cause.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("duplicate key")) {
                return true;
            }
        }
        return false;
    }

    /** Each configured machine's connector, by machine id, in configuration order. */
    public Map<String, MachineConnector> connectors() {
        return Map.copyOf(connectors);
    }

    public CommandDispatcher dispatcher() {
        return dispatcher;
    }

    @Override
    public void stop() {
        List<MachineConnector> open = new ArrayList<>(connectors.values());
        for (MachineConnector connector : open) {
            try {
                connector.close();
            } catch (RuntimeException e) {
                log.warn("machine {}: closing its connector failed", connector.machine(), e);
            }
        }
        dispatcher.close();
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** After Axon's own components (event processors, the command bus) have started, before they stop. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }
}
