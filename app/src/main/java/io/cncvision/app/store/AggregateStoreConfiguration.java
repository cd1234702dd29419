package io.cncvision.app.store;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.axonframework.common.AxonThreadFactory;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.EhCache3Adapter;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.SnapshotterSpanFactory;
import org.axonframework.eventsourcing.eventstore.AbstractEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.spring.eventsourcing.SpringAggregateSnapshotter;
import org.ehcache.CacheManager;
import org.ehcache.config.builders.CacheConfigurationBuilder;
import org.ehcache.config.builders.CacheManagerBuilder;
import org.ehcache.config.builders.ResourcePoolsBuilder;
import org.ehcache.core.Ehcache;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;

/**
 * How aggregates are loaded fast: an in-memory cache of live aggregates (Machine, Characteristic) and
 * snapshots every so many events, taken from the cached aggregate once its group has committed and stored in the
 * background, so a command never waits for one.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
public class AggregateStoreConfiguration {

    @Bean(destroyMethod = "close")
    public CacheManager aggregateCacheManager() {
        return CacheManagerBuilder.newCacheManagerBuilder().build(true);
    }

    @Bean
    public Cache aggregateCache(CacheManager aggregateCacheManager,
                                @Value("${cncvision.aggregate-cache.max-entries}") long maxEntries) {
        var cache = aggregateCacheManager.createCache("aggregates", CacheConfigurationBuilder
                .newCacheConfigurationBuilder(Object.class, Object.class, ResourcePoolsBuilder.heap(maxEntries)));
        return new EhCache3Adapter((Ehcache<Object, Object>) cache);
    }

    @Bean(destroyMethod = "shutdown")
    public ExecutorService snapshotExecutor() {
        return Executors.newSingleThreadExecutor(new AxonThreadFactory("snapshotter"));
    }

    @Bean
    public Snapshotter aggregateSnapshotter(Configuration configuration, HandlerDefinition handlerDefinition,
                                            ParameterResolverFactory parameterResolverFactory, EventStore eventStore,
                                            TransactionManager transactionManager,
                                            SnapshotterSpanFactory spanFactory, ExecutorService snapshotExecutor,
                                            Cache aggregateCache, ObjectProvider<EventStorageEngine> storageEngine) {
        Snapshotter fromEvents = SpringAggregateSnapshotter.builder()
                .repositoryProvider(configuration::repository)
                .transactionManager(transactionManager)
                .eventStore(eventStore)
                .parameterResolverFactory(parameterResolverFactory)
                .handlerDefinition(handlerDefinition)
                .spanFactory(spanFactory)
                .executor(snapshotExecutor)
                .build();
        // With Axon Server there is no storage engine here: snapshots are taken from the events.
        return storageEngine.getIfAvailable() instanceof AbstractEventStorageEngine engine
                ? new CachedAggregateSnapshotter(aggregateCache, eventStore, engine, snapshotExecutor, fromEvents)
                : fromEvents;
    }

    @Bean
    public SnapshotTriggerDefinition machineSnapshotTrigger(
            Snapshotter snapshotter, @Value("${cncvision.snapshots.machine-threshold}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }

    @Bean
    public SnapshotTriggerDefinition characteristicSnapshotTrigger(
            Snapshotter snapshotter, @Value("${cncvision.snapshots.characteristic-threshold}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }
}
