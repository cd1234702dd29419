package io.cncvision.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class CommandSenderTest {

    private static final CommandTarget MILL = CommandTarget.machine("mill-01");

    @Test
    void unwrapsWhatGatewaysAndFuturesPutAroundTheHandlersException() {
        IllegalStateException handlerFailure = new IllegalStateException("no");

        assertThat(CommandSender.unwrap(new CompletionException(new ExecutionException(
                new CommandExecutionException("wrapped", handlerFailure))))).isSameAs(handlerFailure);
    }

    @Test
    void aMissingAggregateIsNotFound() {
        assertRefusal(new AggregateNotFoundException("mill-01", "gone"), HttpStatus.NOT_FOUND, "machine mill-01 is not registered");
    }

    @Test
    void aDuplicateKeyWithoutAnExceptionResolverIsAnExistingAggregate() {
        assertRefusal(new EventStoreException("insert failed", new RuntimeException(
                "ERROR: duplicate key value violates unique constraint")), HttpStatus.CONFLICT, "machine mill-01 already exists");
    }

    @Test
    void aConcurrentChangeIsAConflictToRetry() {
        assertRefusal(new ConcurrencyException("seq 7 taken"), HttpStatus.CONFLICT,
                "machine mill-01 was changed by another command at the same moment; send this one again");
    }

    @Test
    void aCommandNotConfirmedInTimeIsUnavailableAndSaysItMayStillCount() {
        RuntimeException refusal = CommandSender.refusal(
                new CommandExecutionException("An exception occurred while executing a command", new TimeoutException()),
                MILL, Duration.ofSeconds(10));

        assertThat(refusal).isInstanceOf(CommandRefusedException.class).hasMessageContaining("10000 ms")
                .hasMessageContaining("sourceMessageId");
        assertThat(((CommandRefusedException) refusal).status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    }

    @Test
    void aRemoteRefusalKeepsItsMessage() {
        assertRefusal(new CommandExecutionException("characteristic x is charted as p; record counts, not measurements", null),
                HttpStatus.CONFLICT, "characteristic x is charted as p; record counts, not measurements");
        assertRefusal(new CommandExecutionException("An event for aggregate [mill-01] at sequence [0] was already inserted",
                null), HttpStatus.CONFLICT, "machine mill-01 already exists");
    }

    @Test
    void anythingElseIsLeftAsItIs() {
        UnsupportedOperationException failure = new UnsupportedOperationException("bug");

        assertThat(CommandSender.refusal(failure, MILL, Duration.ofSeconds(1))).isSameAs(failure);
    }

    private static void assertRefusal(Throwable failure, HttpStatus status, String message) {
        RuntimeException refusal = CommandSender.refusal(failure, MILL, Duration.ofSeconds(10));
        assertThat(refusal).isInstanceOf(CommandRefusedException.class).hasMessage(message);
        assertThat(((CommandRefusedException) refusal).status()).isEqualTo(status);
    }
}
