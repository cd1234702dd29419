package io.cncvision.app.chain;

import java.util.List;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;

/** Axon's JDBC storage engine, which has every event it appends proved in the same transaction. */
public class ProvingEventStorageEngine extends JdbcEventStorageEngine {

    private final TransactionManager transactionManager;
    private final EventProofWriter proofs;

    public ProvingEventStorageEngine(Builder builder, TransactionManager transactionManager, EventProofWriter proofs) {
        super(builder);
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
            super.appendEvents(events, serializer);
            proofs.appended(events.stream().map(EventMessage::getIdentifier).toList());
        });
    }
}
