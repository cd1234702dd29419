package io.cncvision.app.connectors;

import io.cncvision.api.part.RecordInspection;
import io.cncvision.cnc.CommandPort;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

    /** What a port answers for an inspection taken aside to wait for its part. */
    static final String AWAITING_PRODUCTION = "AWAITING_PRODUCTION";
    private static final Logger log = LoggerFactory.getLogger(ConnectorCommandPort.class);

    private final CommandGateway gateway;
    private final AtomicLong refusedAfterWaiting = new AtomicLong();

    ConnectorCommandPort(CommandGateway gateway) {
        this.gateway = gateway;
    }

    @Override
    public CompletableFuture<?> send(Object command) {
        return gateway.<Object>send(command).handle((result, failure) -> {
            if (failure == null) {
                return CompletableFuture.completedFuture(result);
            }
            Throwable cause = unwrap(failure);
            if (cause instanceof AggregateNotFoundException && command instanceof RecordInspection inspection) {
                // Taken aside, so that the commands behind it (the machine's own among them) are not held up.
                log.debug("part {} is not produced yet; its inspection waits for it", inspection.serial());
                resend(inspection, System.nanoTime() + AWAIT_PRODUCTION.toNanos(), FIRST_RETRY_MILLIS);
                return CompletableFuture.completedFuture((Object) AWAITING_PRODUCTION);
            }
            return refusedOrFailed(failure, cause);
        }).thenCompose(Function.identity());
    }

    /** Sends the inspection again until its part exists or {@link #AWAIT_PRODUCTION} has passed. */
    private void resend(RecordInspection inspection, long giveUpAt, long retryMillis) {
        Executor later = CompletableFuture.delayedExecutor(retryMillis, TimeUnit.MILLISECONDS);
        CompletableFuture.runAsync(() -> { }, later)
                .thenCompose(ignored -> gateway.send(inspection))
                .whenComplete((result, failure) -> {
                    if (failure == null) {
                        return;
                    }
                    Throwable cause = unwrap(failure);
                    if (cause instanceof AggregateNotFoundException && System.nanoTime() < giveUpAt) {
                        resend(inspection, giveUpAt, Math.min(2 * retryMillis, 2000));
                    } else {
                        refusedAfterWaiting.incrementAndGet();
                        log.warn("the inspection of part {} was not recorded: {}", inspection.serial(),
                                cause instanceof AggregateNotFoundException ? "its machine did not report making it"
                                        + " within " + AWAIT_PRODUCTION : cause.getMessage());
                    }
                });
    }

    /** Inspections not recorded because their part was never produced, or the platform refused them later. */
    long refusedAfterWaiting() {
        return refusedAfterWaiting.get();
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
