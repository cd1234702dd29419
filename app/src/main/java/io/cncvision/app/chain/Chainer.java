package io.cncvision.app.chain;

import io.cncvision.audit.chain.ChainExtender;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The one thread that extends the hash chain: woken when a group of commands commits, at most every
 * {@value #MIN_ROUND_MILLIS} ms so that many groups share one round, and every poll interval besides (events
 * appended elsewhere, gaps timing out). Signs a checkpoint of the head when it stops.
 *
 * <p>Its transactions commit without waiting for their WAL flush: the chain follows from the events and their
 * proofs, which are durable, so a chain row lost in a crash is simply made again from the stored head.
 */
public class Chainer implements SmartLifecycle, Runnable {

    private static final Logger log = LoggerFactory.getLogger(Chainer.class);
    private static final long MIN_ROUND_MILLIS = 200;

    private final DataSource dataSource;
    private final ChainExtender extender;
    private final long pollMillis;
    private final Object wake = new Object();
    private boolean woken;
    private volatile boolean running;
    private Thread thread;

    public Chainer(DataSource dataSource, ChainExtender extender, Duration pollInterval) {
        this.dataSource = dataSource;
        this.extender = extender;
        this.pollMillis = pollInterval.toMillis();
    }

    /** Events have committed: chain them now rather than at the next poll. */
    public void eventsCommitted() {
        synchronized (wake) {
            woken = true;
            wake.notifyAll();
        }
    }

    @Override
    public void run() {
        while (running) {
            try {
                while (running && extendOnce() > 0) {
                    // more may be waiting
                }
                synchronized (wake) {
                    if (!woken && running) {
                        wake.wait(pollMillis);
                    }
                    woken = false;
                }
                Thread.sleep(MIN_ROUND_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                log.warn("extending the audit chain failed; trying again in {} ms", pollMillis, e);
                sleep();
            }
        }
    }

    private int extendOnce() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET LOCAL synchronous_commit = off");
                int chained = extender.extend(connection);
                connection.commit();
                return chained;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private void sleep() {
        try {
            Thread.sleep(pollMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this, "audit-chain");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        if (thread == null) {
            return;
        }
        running = false;
        eventsCommitted();
        try {
            thread.join(Duration.ofSeconds(30).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            extender.extend(connection);
            extender.checkpoint(connection);
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            log.warn("could not sign the audit chain's head at shutdown", e);
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Starts before, and stops after, the web server and Axon's processors: the last events get chained. */
    @Override
    public int getPhase() {
        return -1000;
    }
}
