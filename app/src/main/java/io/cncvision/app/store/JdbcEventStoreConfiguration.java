package io.cncvision.app.store;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cncvision.app.chain.EventProofWriter;
import io.cncvision.app.chain.ProvingEventStorageEngine;
import java.time.Duration;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcSQLErrorCodesResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.modelling.saga.repository.jdbc.JdbcSagaStore;
import org.axonframework.modelling.saga.repository.jdbc.PostgresSagaSqlSchema;
import org.axonframework.modelling.saga.repository.jdbc.SagaSchema;
import org.axonframework.modelling.saga.repository.jdbc.SagaSqlSchema;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Axon's JDBC storage engine on the Flyway-owned tables of {@code V2026_11_25_0900__event_store.sql}.
 *
 * <p>JDBC rather than JPA: one INSERT per unit of work, no Hibernate session, no entity mapping, no
 * schema generation; BENCHMARKS.md has the figures. Every event appended is proved in its transaction for the
 * audit chain ({@link ProvingEventStorageEngine}). Off when the {@code axonserver} profile routes
 * events to Axon Server; tokens and sagas stay in PostgreSQL either way.
 */
@Configuration(proxyBeanMethods = false)
public class JdbcEventStoreConfiguration {

    @Bean
    public EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable("eventstore.events")
                .snapshotTable("eventstore.snapshots")
                .globalIndexColumn("global_index")
                .eventIdentifierColumn("event_identifier")
                .typeColumn("aggregate_type")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .payloadTypeColumn("event_type")
                .payloadRevisionColumn("payload_revision")
                .timestampColumn("time_stamp")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    @Bean
    public TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable("axon.token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("time_stamp")
                .setOwnerColumn("owner")
                .build();
    }

    @Bean
    public SagaSqlSchema sagaSqlSchema() {
        return new PostgresSagaSqlSchema(SagaSchema.builder()
                .sagaEntryTable("axon.saga_entry")
                .sagaIdColumn("saga_id")
                .revisionColumn("revision")
                .sagaTypeColumn("saga_type")
                .serializedSagaColumn("serialized_saga")
                .associationValueEntryTable("axon.association_value_entry")
                .associationKeyColumn("association_key")
                .associationValueColumn("association_value")
                .build());
    }

    /**
     * Sagas as JSON of their fields, as aggregates' snapshots are: a saga keeps its state in private fields and
     * exposes none, so a serializer that reads getters would store nothing of it.
     */
    @Bean
    public SagaStore<Object> sagaStore(ConnectionProvider connectionProvider, SagaSqlSchema sagaSqlSchema,
                                       ObjectMapper objectMapper) {
        return JdbcSagaStore.builder()
                .connectionProvider(connectionProvider)
                .sqlSchema(sagaSqlSchema)
                .serializer(snapshotSerializer(objectMapper))
                .build();
    }

    @Bean
    @ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false", matchIfMissing = true)
    public EventStorageEngine eventStorageEngine(ObjectMapper objectMapper,
                                                 @Qualifier("eventSerializer") Serializer eventSerializer,
                                                 PersistenceExceptionResolver persistenceExceptionResolver,
                                                 org.axonframework.config.Configuration configuration,
                                                 ConnectionProvider connectionProvider,
                                                 TransactionManager transactionManager,
                                                 EventSchema eventSchema,
                                                 EventProofWriter eventProofWriter) {
        return new ProvingEventStorageEngine(JdbcEventStorageEngine.builder()
                .snapshotSerializer(snapshotSerializer(objectMapper))
                .eventSerializer(eventSerializer)
                .upcasterChain(configuration.upcasterChain())
                .snapshotFilter(configuration.snapshotFilter())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(eventSchema), transactionManager, eventProofWriter);
    }

    /** Tells a duplicate aggregate identifier (an aggregate created twice) from other SQL failures. */
    @Bean
    public PersistenceExceptionResolver persistenceExceptionResolver() {
        return new JdbcSQLErrorCodesResolver();
    }

    @Bean(name = "eventBus")
    @Qualifier("eventStore")
    @ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false", matchIfMissing = true)
    public GroupCommitEventStore eventStore(EventStorageEngine storageEngine,
                                            org.axonframework.config.Configuration configuration,
                                            @Value("${cncvision.event-store.wake-interval:20ms}") Duration wakeInterval) {
        return new GroupCommitEventStore(EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class)), wakeInterval);
    }

    /** Aggregate state as JSON: fields, not getters, since aggregates expose no state. */
    static Serializer snapshotSerializer(ObjectMapper objectMapper) {
        ObjectMapper mapper = objectMapper.copy()
                .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
                .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        return JacksonSerializer.builder().objectMapper(mapper).build();
    }
}
