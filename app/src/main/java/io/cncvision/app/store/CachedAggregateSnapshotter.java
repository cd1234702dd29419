package io.cncvision.app.store;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.eventstore.AbstractEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.axonframework.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Snapshots an aggregate from its cached, committed state instead of reading its events back: once the
 * transaction of the command group that crossed the threshold has committed, the cache holds exactly the
 * committed aggregate, on the worker thread that alone changes it. The snapshot is serialised there and stored
 * in the background. Axon's snapshotter, which re-reads and re-applies every event since the last snapshot
 * (about one extra deserialisation per event), remains for an aggregate not in the cache.
 */
public class CachedAggregateSnapshotter implements Snapshotter {

    private static final Logger log = LoggerFactory.getLogger(CachedAggregateSnapshotter.class);

    private final Cache cache;
    private final EventStore eventStore;
    private final Serializer snapshotSerializer;
    private final ExecutorService executor;
    private final Snapshotter fromEvents;
    private final Map<Class<?>, AggregateModel<?>> models = new ConcurrentHashMap<>();
    private final AtomicLong fromCache = new AtomicLong();

    public CachedAggregateSnapshotter(Cache cache, EventStore eventStore, AbstractEventStorageEngine storageEngine,
                                      ExecutorService executor, Snapshotter fromEvents) {
        this.cache = cache;
        this.eventStore = eventStore;
        this.snapshotSerializer = storageEngine.getSnapshotSerializer();
        this.executor = executor;
        this.fromEvents = fromEvents;
    }

    @Override
    public void scheduleSnapshot(Class<?> aggregateType, String aggregateIdentifier) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            fromEvents.scheduleSnapshot(aggregateType, aggregateIdentifier);
            return;
        }
        @SuppressWarnings("unchecked")
        Set<String> scheduled = (Set<String>) TransactionSynchronizationManager.getResource(this);
        if (scheduled == null) {
            Set<String> identifiers = ConcurrentHashMap.newKeySet();
            scheduled = identifiers;
            TransactionSynchronizationManager.bindResource(this, identifiers);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    identifiers.forEach(id -> snapshot(aggregateType, id));
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(CachedAggregateSnapshotter.this);
                }
            });
        }
        scheduled.add(aggregateIdentifier);
    }

    private void snapshot(Class<?> aggregateType, String aggregateIdentifier) {
        AggregateCacheEntry<?> entry = cache.get(aggregateIdentifier);
        if (entry == null) {
            fromEvents.scheduleSnapshot(aggregateType, aggregateIdentifier);
            return;
        }
        EventSourcedAggregate<?> aggregate = recreate(entry, aggregateType);
        if (aggregate.isDeleted() || aggregate.version() == null || !aggregateType.isInstance(aggregate.getAggregateRoot())) {
            return;
        }
        GenericDomainEventMessage<?> snapshot = new GenericDomainEventMessage<>(model(aggregateType).type(),
                aggregateIdentifier, aggregate.version(), aggregate.getAggregateRoot());
        // Serialised now, while the state is the committed one; the message keeps the bytes for the store.
        snapshot.serializePayload(snapshotSerializer, byte[].class);
        snapshot.serializeMetaData(snapshotSerializer, byte[].class);
        fromCache.incrementAndGet();
        try {
            executor.execute(() -> {
                try {
                    eventStore.storeSnapshot(snapshot);
                } catch (RuntimeException e) {
                    log.warn("storing the snapshot of {} {} at sequence {} failed; the next one will be taken later",
                            aggregateType.getSimpleName(), aggregateIdentifier, snapshot.getSequenceNumber(), e);
                }
            });
        } catch (RejectedExecutionException shuttingDown) {
            log.debug("snapshot of {} not stored: shutting down", aggregateIdentifier);
        }
    }

    /** How many snapshots were taken from the cache rather than from the events. */
    public long takenFromCache() {
        return fromCache.get();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private EventSourcedAggregate<?> recreate(AggregateCacheEntry<?> entry, Class<?> aggregateType) {
        return ((AggregateCacheEntry) entry).recreateAggregate(model(aggregateType), eventStore,
                NoSnapshotTriggerDefinition.INSTANCE);
    }

    private AggregateModel<?> model(Class<?> aggregateType) {
        return models.computeIfAbsent(aggregateType, AnnotatedAggregateMetaModelFactory::inspectAggregate);
    }
}
