package io.cncvision.cnc;

import java.util.concurrent.CompletableFuture;

/**
 * How connectors hand commands to the platform (the app sends them on its command bus). The future
 * fails with {@link CommandRefused} when the platform judged the command and refused it (retrying
 * would not help), and with anything else when it could not take it (its database is down).
 */
@FunctionalInterface
public interface CommandPort {

    CompletableFuture<?> send(Object command);

    /** The platform refused the command; sending it again would be refused again. */
    final class CommandRefused extends RuntimeException {

        public CommandRefused(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
