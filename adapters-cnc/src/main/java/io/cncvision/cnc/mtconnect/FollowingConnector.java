package io.cncvision.cnc.mtconnect;

import io.cncvision.api.value.MachineId;
import io.cncvision.api.value.Protocol;
import io.cncvision.cnc.ConnectionState;
import io.cncvision.cnc.MachineConnection;
import io.cncvision.cnc.MachineConnector;
import io.cncvision.cnc.ObservationSink;
import io.cncvision.cnc.OffsetWrite;
import io.cncvision.cnc.OffsetWritten;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the two MTConnect connectors share: one thread following the machine until closed, a loss
 * reported once per outage and its end reported when connected again, and no writing (MTConnect is
 * read-only: a correction becomes an operator task).
 */
abstract class FollowingConnector implements MachineConnector {

    private static final Logger log = LoggerFactory.getLogger(FollowingConnector.class);

    protected final MachineConnection connection;
    protected final Clock clock;
    protected volatile ConnectionState state = ConnectionState.CONNECTING;
    protected volatile boolean closed;
    protected ObservationSink sink;
    private Thread thread;
    private boolean lostReported;

    FollowingConnector(MachineConnection connection, Clock clock) {
        this.connection = connection;
        this.clock = clock;
    }

    /** Follows the machine until {@link #closed}; runs on the connector's thread. */
    protected abstract void run();

    /** What the connector reads from, for messages: "the agent", "an SHDR adapter". */
    protected abstract String source();

    /** Breaks off a connection in progress, so that the thread notices it was closed. */
    protected abstract void disconnect();

    @Override
    public MachineId machine() {
        return connection.machine();
    }

    @Override
    public Protocol protocol() {
        return Protocol.MTCONNECT;
    }

    @Override
    public ConnectionState state() {
        return state;
    }

    @Override
    public synchronized void start(ObservationSink sink) {
        if (thread != null) {
            throw new IllegalStateException("machine " + machine() + ": connector already started");
        }
        this.sink = sink;
        thread = new Thread(this::run, getClass().getSimpleName() + "-" + machine().value());
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public CompletableFuture<OffsetWritten> writeOffset(OffsetWrite write) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("MTConnect is read-only: offset "
                + write.offset() + " = " + write.value() + " for machine " + machine() + " cannot be written through "
                + source() + "; the correction becomes an operator task"));
    }

    @Override
    public void close() {
        closed = true;
        state = ConnectionState.CLOSED;
        disconnect();
        Thread running = thread;
        if (running != null) {
            running.interrupt();
            try {
                running.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The connection failed for {@code reason}: reported once per outage, then retried. */
    protected void lost(String reason) {
        state = ConnectionState.RECONNECTING;
        if (!lostReported) {
            lostReported = true;
            log.warn("machine {}: connection lost: {}; retrying with backoff", machine(), reason);
            sink.connectionLost(machine(), reason, clock.instant());
        } else {
            log.debug("machine {}: still unreachable: {}", machine(), reason);
        }
    }

    /** Connected to {@code where}: the end of an outage, if there was one, is reported. */
    protected void connected(String where) {
        state = ConnectionState.CONNECTED;
        if (lostReported) {
            lostReported = false;
            log.info("machine {}: connection to {} restored", machine(), where);
            sink.connectionRestored(machine(), clock.instant());
        }
    }
}
