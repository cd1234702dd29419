package io.cncvision.app.store;

import java.util.List;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;

/**
 * Axon's embedded event store, told when a group of commands has committed. Axon wakes its tracking
 * consumers when a unit of work commits; with commands committed in groups, the rows become visible
 * only when the group's transaction does, and a consumer woken earlier would find nothing and sleep
 * until its next poll.
 */
public class GroupCommitEventStore extends EmbeddedEventStore {

    public GroupCommitEventStore(Builder builder) {
        super(builder);
    }

    /** Wakes the consumers waiting for new events, after a transaction that appended some has committed. */
    public void eventsCommitted() {
        afterCommit(List.of());
    }
}
