package io.cncvision.cnc;

import io.cncvision.api.value.MachineId;
import io.cncvision.api.value.Protocol;
import java.util.concurrent.CompletableFuture;

/**
 * One machine's connection, whatever its protocol. {@link #start} connects and stays connected until
 * {@link #close}: a lost connection is reported to the sink and retried with exponential backoff, and
 * once connected again the machine's current values are reported (resynchronised, never invented).
 */
public interface MachineConnector extends AutoCloseable {

    MachineId machine();

    Protocol protocol();

    /** Starts connecting in the background; what is heard goes to {@code sink}. */
    void start(ObservationSink sink);

    ConnectionState state();

    /**
     * Writes a tool offset and reads it back. Completes with what the machine holds after the write;
     * fails with {@link UnsupportedOperationException} where the protocol is read-only (MTConnect: the
     * correction becomes an operator task), with {@link IllegalArgumentException} for an offset the
     * configuration does not name as writable, and with {@link java.io.IOException} when the machine
     * refuses it or cannot be reached.
     */
    CompletableFuture<OffsetWritten> writeOffset(OffsetWrite write);

    /** Disconnects and stops reconnecting. */
    @Override
    void close();
}
