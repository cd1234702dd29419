package io.cncvision.app.store;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;

/**
 * Axon's embedded event store, told when a group of commands has committed. Axon wakes its tracking
 * consumers when a unit of work commits; with commands committed in groups, the rows become visible
 * only when the group's transaction does, and a consumer woken earlier would find nothing and sleep
 * until its next poll.
 */
public class GroupCommitEventStore extends EmbeddedEventStore {

    private final List<Runnable> commitListeners = new CopyOnWriteArrayList<>();

    public GroupCommitEventStore(Builder builder) {
        super(builder);
    }

    /** Wakes the consumers waiting for new events, after a transaction that appended some has committed. */
    public void eventsCommitted() {
        afterCommit(List.of());
        commitListeners.forEach(Runnable::run);
    }

    /** Also runs {@code listener} (which must return at once) whenever a transaction that appended events commits. */
    public void onEventsCommitted(Runnable listener) {
        commitListeners.add(listener);
    }
}
