package io.cncvision.cnc;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands connectors' commands to the platform in the order they were heard, holding them in a bounded
 * buffer while the platform cannot take them. A worker sends what is buffered, up to
 * {@value #BATCH} at a time, and waits for the answers: a refused command is logged and counted (sending
 * it again would be refused again); any other failure (the database is down) retries the failed
 * commands, in order, with exponential backoff before anything newer. A command that finds the buffer
 * full is not held: it is counted and logged, never dropped silently.
 */
public final class CommandDispatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CommandDispatcher.class);
    static final int BATCH = 256;
    private static final long OVERFLOW_LOG_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final CommandPort port;
    private final BlockingQueue<Object> buffer;
    private final Backoff backoff;
    private final Thread worker;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong retried = new AtomicLong();
    private final AtomicLong overflowed = new AtomicLong();
    private long overflowLoggedAt = System.nanoTime() - OVERFLOW_LOG_INTERVAL_NANOS;
    private long overflowLogged;
    private volatile boolean running = true;

    public CommandDispatcher(CommandPort port, int capacity, Duration initialBackoff, Duration maximumBackoff) {
        this.port = port;
        this.buffer = new ArrayBlockingQueue<>(capacity);
        this.backoff = new Backoff(initialBackoff, maximumBackoff);
        this.worker = new Thread(this::run, "cnc-command-dispatcher");
        this.worker.setDaemon(true);
        this.worker.start();
    }

    /** Buffers {@code command} for sending; false when the buffer is full, and the command is counted as overflowed. */
    public boolean dispatch(Object command) {
        if (buffer.offer(command)) {
            return true;
        }
        long total = overflowed.incrementAndGet();
        synchronized (this) {
            long now = System.nanoTime();
            if (now - overflowLoggedAt >= OVERFLOW_LOG_INTERVAL_NANOS) {
                log.warn("command buffer full ({} held, the platform is not taking commands): {} overflowed, {} since the"
                        + " last report; this one was {}", buffer.size(), total, total - overflowLogged, command);
                overflowLoggedAt = now;
                overflowLogged = total;
            }
        }
        return false;
    }

    /** Commands the platform took. */
    public long sent() {
        return sent.get();
    }

    /** Commands the platform refused. */
    public long refused() {
        return refused.get();
    }

    /** Attempts that failed because the platform could not take them, and were retried. */
    public long retried() {
        return retried.get();
    }

    /** Commands that found the buffer full. */
    public long overflowed() {
        return overflowed.get();
    }

    /** Commands held, waiting to be sent. */
    public int buffered() {
        return buffer.size();
    }

    private void run() {
        List<Object> batch = new ArrayList<>(BATCH);
        while (running) {
            try {
                if (batch.isEmpty()) {
                    Object first = buffer.poll(200, TimeUnit.MILLISECONDS);
                    if (first == null) {
                        continue;
                    }
                    batch.add(first);
                    buffer.drainTo(batch, BATCH - 1);
                }
                batch = sendAll(batch);
                if (!batch.isEmpty()) {
                    retried.addAndGet(batch.size());
                    Duration wait = backoff.failed();
                    log.warn("the platform could not take {} commands; retrying in {} ms (attempt {}, {} more held)",
                            batch.size(), wait.toMillis(), backoff.failures(), buffer.size());
                    Thread.sleep(wait.toMillis());
                } else {
                    backoff.succeeded();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.error("command dispatcher: unexpected failure; {} commands held", batch.size(), e);
            }
        }
    }

    /** Sends every command and waits; returns those that failed for a reason other than refusal, in order. */
    private List<Object> sendAll(List<Object> batch) throws InterruptedException {
        List<CompletableFuture<?>> answers = new ArrayList<>(batch.size());
        for (Object command : batch) {
            CompletableFuture<?> answer;
            try {
                answer = port.send(command);
            } catch (RuntimeException e) {
                answer = CompletableFuture.failedFuture(e);
            }
            answers.add(answer);
        }
        List<Object> failed = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            try {
                answers.get(i).join();
                sent.incrementAndGet();
            } catch (CompletionException | java.util.concurrent.CancellationException e) {
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                if (cause instanceof CommandPort.CommandRefused) {
                    refused.incrementAndGet();
                    log.warn("the platform refused {}: {}", batch.get(i), cause.getMessage());
                } else {
                    if (failed.isEmpty()) {
                        log.debug("command {} failed: {}", batch.get(i), cause.toString());
                    }
                    failed.add(batch.get(i));
                }
            }
        }
        return failed;
    }

    /** Waits up to 5 s for what is buffered to be sent, then stops; what is left is logged. */
    @Override
    public void close() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!buffer.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        running = false;
        worker.interrupt();
        if (!buffer.isEmpty()) {
            log.warn("command dispatcher closed with {} commands not sent", buffer.size());
        }
    }
}
