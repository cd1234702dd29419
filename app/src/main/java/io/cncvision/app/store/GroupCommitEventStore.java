package io.cncvision.app.store;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Axon's embedded event store, which wakes its tracking consumers when the events' transaction has committed,
 * and at most once a wake interval.
 *
 * <p>Axon wakes the consumers when a unit of work commits. With commands committed in groups, each command's
 * unit of work ends inside the group's transaction, whose rows are not visible yet: the consumers would look,
 * find nothing, and sleep until their next poll. And with fifteen processors, waking them for every group
 * committed has each of them commit a transaction for every group; waking them at most once a wake interval
 * lets each read what several groups committed in one batch.
 */
public class GroupCommitEventStore extends EmbeddedEventStore {

    private final List<Runnable> commitListeners = new CopyOnWriteArrayList<>();
    private final long wakeIntervalNanos;
    private final AtomicLong lastWake = new AtomicLong(System.nanoTime());
    private final AtomicBoolean wakeScheduled = new AtomicBoolean();
    private final ScheduledExecutorService waker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "event-store-waker");
        thread.setDaemon(true);
        return thread;
    });

    public GroupCommitEventStore(Builder builder, Duration wakeInterval) {
        super(builder);
        this.wakeIntervalNanos = wakeInterval.toNanos();
    }

    /** Wakes the consumers waiting for new events, after a transaction that appended some has committed. */
    public void eventsCommitted() {
        long now = System.nanoTime();
        long last = lastWake.get();
        if (now - last >= wakeIntervalNanos && lastWake.compareAndSet(last, now)) {
            wake();
        } else if (wakeScheduled.compareAndSet(false, true)) {
            waker.schedule(() -> {
                wakeScheduled.set(false);
                lastWake.set(System.nanoTime());
                wake();
            }, Math.max(0, wakeIntervalNanos - (now - last)), TimeUnit.NANOSECONDS);
        }
    }

    /** Also runs {@code listener} (which must return at once) whenever a transaction that appended events commits. */
    public void onEventsCommitted(Runnable listener) {
        commitListeners.add(listener);
    }

    /** A unit of work has committed: its events are visible once the transaction around it, if any, commits. */
    @Override
    protected void afterCommit(List<? extends EventMessage<?>> events) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            eventsCommitted();
        } else if (TransactionSynchronizationManager.getResource(this) == null) {
            TransactionSynchronizationManager.bindResource(this, Boolean.TRUE);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    eventsCommitted();
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(GroupCommitEventStore.this);
                }
            });
        }
    }

    @Override
    public void shutDown() {
        waker.shutdownNow();
        super.shutDown();
    }

    private void wake() {
        super.afterCommit(List.of());
        commitListeners.forEach(Runnable::run);
    }
}
