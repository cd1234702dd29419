package io.cncvision.app.web;

import io.cncvision.api.CommandOutcome;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.NoHandlerForCommandException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.messaging.RemoteHandlingException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Sends the API's commands through Axon and waits for them to be recorded, turning every way a command
 * can fail into a {@link CommandRefusedException} that says, in the caller's terms, what was refused.
 *
 * <p>A refused command records nothing: Axon's unit of work rolls back every event it applied.
 */
@Component
class CommandSender {

    private final CommandGateway gateway;
    private final Duration timeout;

    CommandSender(CommandGateway gateway, @Value("${cncvision.api.command-timeout:10s}") Duration timeout) {
        this.gateway = gateway;
        this.timeout = timeout;
    }

    /** Sends the command and waits for its outcome; a creating command's result (the new id) counts as RECORDED. */
    CommandOutcome send(Object command, CommandTarget target) {
        Object result;
        try {
            result = gateway.sendAndWait(command, timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RuntimeException e) {
            throw refusal(e, target, timeout);
        }
        return result instanceof CommandOutcome outcome ? outcome : CommandOutcome.RECORDED;
    }

    /** What to tell the caller about a command that failed: status and reason, naming the aggregate. */
    static RuntimeException refusal(Throwable failure, CommandTarget target, Duration timeout) {
        Throwable cause = unwrap(failure);
        if (cause instanceof AggregateNotFoundException) {
            return new CommandRefusedException(HttpStatus.NOT_FOUND, target.notFound(), failure);
        }
        if (cause instanceof AggregateStreamCreationException || isDuplicateKey(cause)) {
            return new CommandRefusedException(HttpStatus.CONFLICT, target.alreadyExists(), failure);
        }
        if (cause instanceof ConcurrencyException) {
            return new CommandRefusedException(HttpStatus.CONFLICT, target.changedConcurrently(), failure);
        }
        if (cause instanceof IllegalArgumentException) {
            return new CommandRefusedException(HttpStatus.BAD_REQUEST, cause.getMessage(), failure);
        }
        if (cause instanceof IllegalStateException) {
            return new CommandRefusedException(HttpStatus.CONFLICT, cause.getMessage(), failure);
        }
        if (cause instanceof TimeoutException) {
            return new CommandRefusedException(HttpStatus.SERVICE_UNAVAILABLE, "the command to " + target.kind() + " "
                    + target.id() + " was not confirmed within " + timeout.toMillis() + " ms; it may still be recorded: "
                    + "send it again with the same sourceMessageId to be sure it counts once", failure);
        }
        if (cause instanceof NoHandlerForCommandException) {
            return new CommandRefusedException(HttpStatus.SERVICE_UNAVAILABLE,
                    "no handler for this command is available now; try again later", failure);
        }
        if (cause instanceof CommandExecutionException || cause instanceof RemoteHandlingException) {
            return remoteRefusal(cause, target, failure);
        }
        return failure instanceof RuntimeException runtime ? runtime : new IllegalStateException(failure);
    }

    /**
     * A command handled on another node (Axon Server) comes back with its handler's message only, not its
     * exception type: tell what the message says.
     */
    private static RuntimeException remoteRefusal(Throwable cause, CommandTarget target, Throwable failure) {
        String message = String.valueOf(cause.getMessage());
        String lower = message.toLowerCase(Locale.ROOT);
        if (lower.contains("aggregate was not found") || lower.contains("not found in the event store")) {
            return new CommandRefusedException(HttpStatus.NOT_FOUND, target.notFound(), failure);
        }
        if (lower.contains("already exists") || lower.contains("was already inserted") || lower.contains("duplicate key")
                || lower.contains("invalid sequence number 0 ")) {
            return new CommandRefusedException(HttpStatus.CONFLICT, target.alreadyExists(), failure);
        }
        return new CommandRefusedException(HttpStatus.CONFLICT, message, failure);
    }

    /** The exception the handler threw, from under the wrappers a gateway or future puts around it. */
    static Throwable unwrap(Throwable failure) {
        Throwable current = failure;
        while (current.getCause() != null && current.getCause() != current
                && (current instanceof CompletionException || current instanceof ExecutionException
                || (current instanceof CommandExecutionException && !(current.getCause() instanceof RemoteHandlingException)))) {
            current = current.getCause();
        }
        return current;
    }

    // Without a PersistenceExceptionResolver, Axon reports a second creation as a plain EventStoreException.
    private static boolean isDuplicateKey(Throwable cause) {
        if (!(cause instanceof EventStoreException)) {
            return false;
        }
        for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage();
            if (message != null && message.toLowerCase(Locale.ROOT).contains("duplicate key")) {
                return true;
            }
        }
        return false;
    }
}
