package io.cncvision.app.connectors;

import io.cncvision.api.part.RecordInspection;
import io.cncvision.cnc.CommandPort;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
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

    /**
     * A camera may see a part before its machine's report of making it has arrived (a polled controller, a slower
     * connection): an inspection of a part not yet produced is sent again until this long after it was first.
     */
    static final Duration AWAIT_PRODUCTION = Duration.ofSeconds(10);
    private static final long FIRST_RETRY_MILLIS = 100;

    private final CommandGateway gateway;

    ConnectorCommandPort(CommandGateway gateway) {
        this.gateway = gateway;
    }

    @Override
    public CompletableFuture<?> send(Object command) {
        return send(command, System.nanoTime() + AWAIT_PRODUCTION.toNanos(), FIRST_RETRY_MILLIS);
    }

    private CompletableFuture<Object> send(Object command, long giveUpAt, long retryMillis) {
        return gateway.<Object>send(command).handle((result, failure) -> {
            if (failure == null) {
                return CompletableFuture.completedFuture(result);
            }
            Throwable cause = unwrap(failure);
            if (cause instanceof AggregateNotFoundException && command instanceof RecordInspection
                    && System.nanoTime() < giveUpAt) {
                Executor later = CompletableFuture.delayedExecutor(retryMillis, TimeUnit.MILLISECONDS);
                return CompletableFuture.supplyAsync(() -> null, later)
                        .<Object>thenCompose(ignored -> send(command, giveUpAt, Math.min(2 * retryMillis, 2000)));
            }
            return refusedOrFailed(failure, cause);
        }).thenCompose(Function.identity());
    }

    private static CompletableFuture<Object> refusedOrFailed(Throwable failure, Throwable cause) {
        if (cause instanceof IllegalArgumentException || cause instanceof IllegalStateException
                || cause instanceof AggregateNotFoundException || cause instanceof AggregateStreamCreationException) {
            return CompletableFuture.failedFuture(new CommandRefused(cause.getMessage(), cause));
        }
        return CompletableFuture.failedFuture(failure instanceof CompletionException completion ? completion
                : new CompletionException(failure));
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
