package io.cncvision.app.connectors;

import io.cncvision.cnc.CommandPort;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;

/**
 * Connectors' commands onto the command bus. A command its aggregate refused (bad input, an unknown
 * machine) fails as {@link CommandPort.CommandRefused}; anything else (the database is down, no
 * handler yet) fails as it is, and the dispatcher retries it.
 */
final class ConnectorCommandPort implements CommandPort {

    private final CommandGateway gateway;

    ConnectorCommandPort(CommandGateway gateway) {
        this.gateway = gateway;
    }

    @Override
    public CompletableFuture<?> send(Object command) {
        return gateway.send(command).handle((result, failure) -> {
            if (failure == null) {
                return result;
            }
            Throwable cause = unwrap(failure);
            if (cause instanceof IllegalArgumentException || cause instanceof IllegalStateException
                    || cause instanceof AggregateNotFoundException || cause instanceof AggregateStreamCreationException) {
                throw new CommandRefused(cause.getMessage(), cause);
            }
            throw failure instanceof CompletionException completion ? completion : new CompletionException(failure);
        });
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable current = failure;
        while (current.getCause() != null && current.getCause() != current && (current instanceof CompletionException
                || current instanceof ExecutionException || current instanceof CommandExecutionException)) {
            current = current.getCause();
        }
        return current;
    }
}
