package io.cncvision.cnc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class CommandDispatcherTest {

    final List<Object> taken = new CopyOnWriteArrayList<>();
    final AtomicBoolean databaseDown = new AtomicBoolean();

    CompletableFuture<?> platform(Object command) {
        if (databaseDown.get()) {
            return CompletableFuture.failedFuture(new IllegalStateException("connection to the database refused"));
        }
        if (command.equals("refused")) {
            return CompletableFuture.failedFuture(new CommandPort.CommandRefused("no such machine", null));
        }
        taken.add(command);
        return CompletableFuture.completedFuture(null);
    }

    @Test
    void commandsReachThePlatformInTheOrderTheyWereHeard() {
        try (CommandDispatcher dispatcher = new CommandDispatcher(this::platform, 100, Duration.ofMillis(10),
                Duration.ofMillis(50))) {
            for (int i = 0; i < 50; i++) {
                dispatcher.dispatch("c" + i);
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> taken.size() == 50);
            assertThat(taken).containsExactlyElementsOf(java.util.stream.IntStream.range(0, 50).mapToObj(i -> "c" + i).toList());
            assertThat(dispatcher.sent()).isEqualTo(50);
        }
    }

    @Test
    void whileTheDatabaseIsDownCommandsAreHeldAndSentInOrderOnceItIsBack() throws Exception {
        databaseDown.set(true);
        try (CommandDispatcher dispatcher = new CommandDispatcher(this::platform, 100, Duration.ofMillis(10),
                Duration.ofMillis(40))) {
            for (int i = 0; i < 20; i++) {
                dispatcher.dispatch("c" + i);
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> dispatcher.retried() >= 3);
            assertThat(taken).isEmpty();
            databaseDown.set(false);
            await().atMost(Duration.ofSeconds(5)).until(() -> taken.size() == 20);
            assertThat(taken).containsExactlyElementsOf(java.util.stream.IntStream.range(0, 20).mapToObj(i -> "c" + i).toList());
            assertThat(dispatcher.overflowed()).isZero();
        }
    }

    @Test
    void whatOverflowsTheBufferIsCountedNotSilentlyLost() {
        databaseDown.set(true);
        try (CommandDispatcher dispatcher = new CommandDispatcher(this::platform, 10, Duration.ofSeconds(1),
                Duration.ofSeconds(1))) {
            int accepted = 0;
            for (int i = 0; i < 100; i++) {
                accepted += dispatcher.dispatch("c" + i) ? 1 : 0;
            }
            // the worker holds one batch besides the full buffer
            assertThat(accepted).isBetween(10, 10 + CommandDispatcher.BATCH);
            assertThat(dispatcher.overflowed()).isEqualTo(100 - accepted);
            databaseDown.set(false);
        }
    }

    @Test
    void aRefusedCommandIsCountedAndDoesNotHoldUpTheRest() {
        try (CommandDispatcher dispatcher = new CommandDispatcher(this::platform, 100, Duration.ofMillis(10),
                Duration.ofMillis(50))) {
            dispatcher.dispatch("a");
            dispatcher.dispatch("refused");
            dispatcher.dispatch("b");
            await().atMost(Duration.ofSeconds(5)).until(() -> taken.size() == 2);
            assertThat(taken).containsExactly("a", "b");
            assertThat(dispatcher.refused()).isEqualTo(1);
        }
    }
}
