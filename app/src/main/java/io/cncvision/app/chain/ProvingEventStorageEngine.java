package io.cncvision.app.chain;

import io.cncvision.audit.chain.CanonicalEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.TimestampWriter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

/**
 * Axon's JDBC storage engine, which has every event it appends proved in the same transaction. It binds the
 * INSERT itself, as Axon's own statement does, and proves exactly the values it bound: nothing is read back.
 */
public class ProvingEventStorageEngine extends JdbcEventStorageEngine {

    /** The events the current thread's last INSERT bound, proved once the INSERT has succeeded. */
    private static final ThreadLocal<List<CanonicalEvent>> BOUND = new ThreadLocal<>();

    private final TransactionManager transactionManager;
    private final EventProofWriter proofs;

    public ProvingEventStorageEngine(Builder builder, TransactionManager transactionManager, EventProofWriter proofs) {
        super(builder.appendEvents(ProvingEventStorageEngine::bindAppend));
        this.transactionManager = transactionManager;
        this.proofs = proofs;
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (events.isEmpty()) {
            return;
        }
        // Joins the command group's transaction; opens one of its own only for events appended outside any.
        transactionManager.executeInTransaction(() -> {
            try {
                super.appendEvents(events, serializer);
                proofs.appended(BOUND.get());
            } finally {
                BOUND.remove();
            }
        });
    }

    /** Axon's INSERT of events, bound as its default statement binds it, keeping what it bound. */
    private static PreparedStatement bindAppend(Connection connection, EventSchema schema, Class<?> dataType,
                                                List<? extends EventMessage<?>> events, Serializer serializer,
                                                TimestampWriter timestampWriter) throws SQLException {
        if (dataType != byte[].class) {
            throw new IllegalStateException("the audit chain proves events stored as bytes, not as " + dataType);
        }
        PreparedStatement statement = connection.prepareStatement("INSERT INTO " + schema.domainEventTable()
                + " (" + schema.domainEventFields() + ") VALUES (?,?,?,?,?,?,?,?,?)");
        List<CanonicalEvent> bound = new ArrayList<>(events.size());
        for (EventMessage<?> message : events) {
            DomainEventMessage<?> event = message instanceof DomainEventMessage<?> domain ? domain
                    : new GenericDomainEventMessage<>(null, message.getIdentifier(), 0L, message, message::getTimestamp);
            SerializedObject<byte[]> payload = event.serializePayload(serializer, byte[].class);
            SerializedObject<byte[]> metaData = event.serializeMetaData(serializer, byte[].class);
            String timestamp = DateTimeUtils.formatInstant(event.getTimestamp());
            statement.setString(1, event.getIdentifier());
            statement.setString(2, event.getAggregateIdentifier());
            statement.setLong(3, event.getSequenceNumber());
            statement.setString(4, event.getType());
            statement.setString(5, timestamp);
            statement.setString(6, payload.getType().getName());
            statement.setString(7, payload.getType().getRevision());
            statement.setBytes(8, payload.getData());
            statement.setBytes(9, metaData.getData());
            statement.addBatch();
            bound.add(new CanonicalEvent(0, event.getIdentifier(), event.getType(), event.getAggregateIdentifier(),
                    event.getSequenceNumber(), payload.getType().getName(), payload.getType().getRevision(),
                    timestamp, payload.getData(), metaData.getData()));
        }
        BOUND.set(bound);
        return statement;
    }
}
