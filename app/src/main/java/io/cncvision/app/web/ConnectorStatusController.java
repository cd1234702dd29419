package io.cncvision.app.web;

import io.cncvision.app.connectors.MachineConnectors;
import io.cncvision.cnc.CommandDispatcher;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** How this instance's machine connectors fare: for integrators connecting machines. */
@RestController
@RequestMapping("/api/v1/connectors")
class ConnectorStatusController {

    private final MachineConnectors connectors;

    ConnectorStatusController(MachineConnectors connectors) {
        this.connectors = connectors;
    }

    /** One configured machine's connector. */
    record Connector(String machineId, String protocol, String state) {
    }

    /** The connectors, and the commands they sent, had refused, retried, held and could not hold. */
    record Status(List<Connector> connectors, long commandsSent, long commandsRefused, long commandsRetried,
                  int commandsBuffered, long commandsOverflowed) {
    }

    @GetMapping
    @Operation(summary = "The configured machines' connectors: connection state and command counts",
            description = "Any role. A connector RECONNECTING has lost its machine and retries with backoff; "
                    + "commandsOverflowed counts what found the command buffer full while the platform could not take it.")
    Status status() {
        CommandDispatcher dispatcher = connectors.dispatcher();
        List<Connector> list = connectors.connectors().entrySet().stream()
                .map(entry -> new Connector(entry.getKey(), entry.getValue().protocol().code(),
                        entry.getValue().state().name()))
                .sorted(java.util.Comparator.comparing(Connector::machineId))
                .toList();
        return new Status(list, dispatcher.sent(), dispatcher.refused(), dispatcher.retried(), dispatcher.buffered(),
                dispatcher.overflowed());
    }
}
