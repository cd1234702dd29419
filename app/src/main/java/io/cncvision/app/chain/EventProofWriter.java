package io.cncvision.app.chain;

import io.cncvision.audit.chain.CanonicalEvent;
import io.cncvision.audit.chain.EventProofs;
import io.cncvision.audit.key.AuditKeys;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.crypto.Mac;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.support.SQLExceptionTranslator;
import org.springframework.jdbc.support.SQLStateSQLExceptionTranslator;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Proves the events a transaction appends: each is MACed as it is bound into the INSERT, and the proofs of the
 * whole transaction are inserted in one batch just before it commits, however many commands a group commits in
 * it. The proofs commit with the events or not at all.
 */
public class EventProofWriter {

    private final DataSource dataSource;
    private final ThreadLocal<Mac> macs;
    private final SQLExceptionTranslator translator = new SQLStateSQLExceptionTranslator();

    public EventProofWriter(DataSource dataSource, AuditKeys keys) {
        this.dataSource = dataSource;
        this.macs = ThreadLocal.withInitial(keys::eventMac);
    }

    /** Proves events appended in the current transaction; the proofs are inserted before it commits. */
    public void appended(List<CanonicalEvent> events) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException("events appended outside a transaction cannot be proved in it");
        }
        Pending pending = (Pending) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            pending = new Pending();
            TransactionSynchronizationManager.bindResource(this, pending);
            TransactionSynchronizationManager.registerSynchronization(pending);
        }
        Mac mac = macs.get();
        for (CanonicalEvent event : events) {
            pending.proofs.add(EventProofs.proof(event, mac));
        }
    }

    /** The proofs of one transaction's events, waiting for its commit. */
    private final class Pending implements TransactionSynchronization {

        private final List<EventProofs.Proof> proofs = new ArrayList<>();

        @Override
        public void beforeCommit(boolean readOnly) {
            Connection connection = DataSourceUtils.getConnection(dataSource);
            try {
                EventProofs.insert(connection, proofs);
            } catch (SQLException e) {
                throw translator.translate("proving " + proofs.size() + " events", null, e);
            } finally {
                DataSourceUtils.releaseConnection(connection, dataSource);
            }
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(EventProofWriter.this);
        }
    }
}
