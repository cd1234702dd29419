package io.cncvision.audit.chain;

import io.cncvision.audit.key.AuditKeys;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import javax.crypto.Mac;
import org.postgresql.PGStatement;

/**
 * Recomputes the chain from the store and compares it with what is stored: each event's proof (HMAC with the
 * event key, which the database does not hold), each chain row's hash, each checkpoint's hash and Ed25519
 * signature. Reads the events and the chain rows as two streams in global-index order, in one read-only
 * snapshot, and stops at the first break. A chain row's hash covers the event's MAC, which the verifier
 * recomputes with the key, so a chained event's stored proof is only read to name a break.
 */
public final class ChainVerifier {

    private static final int FETCH_SIZE = 10_000;

    private final Mac mac;
    private final PublicKey publicKey;
    private final MessageDigest sha256 = AuditChain.sha256();

    /** {@code mac}: an HMAC-SHA256 keyed with the instance's event key; {@code publicKey}: its audit public key. */
    public ChainVerifier(Mac mac, PublicKey publicKey) {
        this.mac = mac;
        this.publicKey = publicKey;
    }

    /**
     * Verifies the events from {@code fromIndex} on (1 or less: all of them), starting from the last signed
     * checkpoint before it. On a connection in auto-commit mode it runs in a read-only snapshot of its own;
     * otherwise in the caller's transaction, which it leaves open.
     */
    public Verification verify(Connection connection, long fromIndex) throws SQLException {
        if (!connection.getAutoCommit()) {
            return new Run(connection, fromIndex).verify();
        }
        int isolation = connection.getTransactionIsolation();
        connection.setAutoCommit(false);
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        connection.setReadOnly(true);
        try {
            return new Run(connection, fromIndex).verify();
        } finally {
            connection.rollback();
            connection.setReadOnly(false);
            connection.setTransactionIsolation(isolation);
            connection.setAutoCommit(true);
        }
    }

    private record Checkpoint(long globalIndex, byte[] chainHash, byte[] signature, Instant signedAt) {
    }

    private record ChainRow(long globalIndex, String eventIdentifier, byte[] chainHash) {
    }

    /** One pass over the store. */
    private final class Run {

        private final Connection connection;
        private final long requestedFrom;
        private final NavigableMap<Long, Checkpoint> checkpoints = new TreeMap<>();
        private byte[] previous = AuditChain.GENESIS;
        private long startIndex = 1;
        private long lastProcessed;
        private boolean missingSinceLastChained;
        private PreparedStatement proofQuery;
        private long events;
        private long chained;
        private long headIndex;
        private long notYetChained;
        private long lateOutsideChain;
        private Checkpoint lastCheckpoint;

        Run(Connection connection, long requestedFrom) {
            this.connection = connection;
            this.requestedFrom = requestedFrom;
        }

        Verification verify() throws SQLException {
            loadCheckpoints();
            ChainBreak broken = start();
            if (broken == null) {
                broken = walk();
            }
            if (broken == null) {
                broken = checkpointsBeyondHead();
            }
            return new Verification(startIndex, events, chained, headIndex, previous, notYetChained,
                    lateOutsideChain, lastCheckpoint == null ? 0 : lastCheckpoint.globalIndex(),
                    lastCheckpoint == null ? null : lastCheckpoint.signedAt(), broken);
        }

        private void loadCheckpoints() throws SQLException {
            try (PreparedStatement select = connection.prepareStatement("SELECT global_index, chain_hash, signature,"
                    + " signed_at FROM eventstore.chain_checkpoint ORDER BY global_index");
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    Timestamp signedAt = rows.getTimestamp(4);
                    checkpoints.put(rows.getLong(1), new Checkpoint(rows.getLong(1), rows.getBytes(2),
                            rows.getBytes(3), signedAt == null ? null : signedAt.toInstant()));
                }
            }
        }

        /** With --from, starts after the last checkpoint before that index, whose signature it checks first. */
        private ChainBreak start() {
            Map.Entry<Long, Checkpoint> entry = checkpoints.lowerEntry(requestedFrom);
            if (entry == null) {
                return null;
            }
            Checkpoint checkpoint = entry.getValue();
            if (!signatureHolds(checkpoint)) {
                return ChainBreak.at(checkpoint.globalIndex(), null, BreakKind.CHECKPOINT_SIGNATURE_INVALID,
                        "the checkpoint to start from is not signed with the audit key");
            }
            previous = checkpoint.chainHash();
            startIndex = checkpoint.globalIndex() + 1;
            headIndex = checkpoint.globalIndex();
            lastProcessed = checkpoint.globalIndex();
            lastCheckpoint = checkpoint;
            return null;
        }

        private ChainBreak walk() throws SQLException {
            try (PreparedStatement eventQuery = connection.prepareStatement("SELECT " + CanonicalEvent.COLUMNS
                    + " FROM eventstore.events e WHERE e.global_index >= ? ORDER BY e.global_index");
                 PreparedStatement chainQuery = connection.prepareStatement("SELECT global_index, event_identifier,"
                         + " chain_hash FROM eventstore.event_chain WHERE global_index >= ? ORDER BY global_index");
                 PreparedStatement proofQuery = connection.prepareStatement(
                         "SELECT mac FROM eventstore.event_proof WHERE event_identifier = ?")) {
                this.proofQuery = proofQuery;
                streaming(eventQuery);
                streaming(chainQuery);
                eventQuery.setLong(1, startIndex);
                chainQuery.setLong(1, startIndex);
                try (ResultSet eventRows = eventQuery.executeQuery(); ResultSet chainRows = chainQuery.executeQuery()) {
                    boolean moreEvents = eventRows.next();
                    ChainRow row = nextChainRow(chainRows);
                    while (moreEvents || row != null) {
                        long eventIndex = moreEvents ? eventRows.getLong(1) : Long.MAX_VALUE;
                        long index = row == null ? eventIndex : Math.min(eventIndex, row.globalIndex());
                        missingSinceLastChained |= index > lastProcessed + 1;
                        lastProcessed = index;
                        ChainBreak broken;
                        if (eventIndex == index) {
                            CanonicalEvent event = CanonicalEvent.read(eventRows);
                            events++;
                            if (row != null && row.globalIndex() == index) {
                                broken = chainedEvent(event, row);
                                row = nextChainRow(chainRows);
                            } else {
                                broken = unchainedEvent(event, proof(event), row != null);
                            }
                            moreEvents = eventRows.next();
                        } else {
                            broken = ChainBreak.at(index, row.eventIdentifier(), BreakKind.DELETED,
                                    "the chain records this event here, and the store no longer holds it");
                            row = nextChainRow(chainRows);
                        }
                        if (broken != null) {
                            return broken;
                        }
                    }
                }
            }
            return null;
        }

        /**
         * The fast path needs no proof row: the chain hash covers the MAC, which the verifier recomputes with the
         * key. Only when the link does not hold is the stored proof read, to name the break.
         */
        private ChainBreak chainedEvent(CanonicalEvent event, ChainRow row) throws SQLException {
            byte[] canonical = event.encode();
            byte[] computed = mac.doFinal(canonical);
            byte[] link = AuditChain.link(sha256, previous, canonical, computed);
            boolean sameEvent = row.eventIdentifier().equals(event.eventIdentifier());
            if (!sameEvent || !MessageDigest.isEqual(link, row.chainHash())) {
                return chainBroken(event, row, computed);
            }
            previous = link;
            headIndex = event.globalIndex();
            chained++;
            missingSinceLastChained = false;
            return checkpointAt(event.globalIndex(), event.eventIdentifier());
        }

        private ChainBreak chainBroken(CanonicalEvent event, ChainRow row, byte[] computed) throws SQLException {
            byte[] proof = proof(event);
            boolean proved = proof != null && MessageDigest.isEqual(proof, computed);
            if (!row.eventIdentifier().equals(event.eventIdentifier())) {
                return ChainBreak.at(event, proved ? BreakKind.REORDERED : BreakKind.NOT_WRITTEN_BY_THE_PLATFORM,
                        "the chain records event " + row.eventIdentifier() + " at this index"
                                + (proved ? "; this event was written by the platform, elsewhere in the order"
                                : "; this one carries no valid proof"));
            }
            if (proof == null) {
                return ChainBreak.at(event, BreakKind.NOT_WRITTEN_BY_THE_PLATFORM,
                        "the event carries no proof: the platform did not write it");
            }
            if (!proved) {
                return ChainBreak.at(event, BreakKind.PAYLOAD_OR_METADATA_CHANGED,
                        "the event's proof does not match it: it was changed after it was written");
            }
            return missingSinceLastChained
                    ? ChainBreak.at(event, BreakKind.DELETED, "its chain hash does not follow from the event "
                            + "chained before it at " + headIndex + ": an event between them was removed "
                            + "together with its chain row")
                    : ChainBreak.at(event, BreakKind.CHAIN_ALTERED,
                            "its chain hash does not follow from the previous one and the event");
        }

        private byte[] proof(CanonicalEvent event) throws SQLException {
            proofQuery.setString(1, event.eventIdentifier());
            try (ResultSet proof = proofQuery.executeQuery()) {
                return proof.next() ? proof.getBytes(1) : null;
            }
        }

        private ChainBreak unchainedEvent(CanonicalEvent event, byte[] proof, boolean chainGoesOn) {
            boolean proved = proof != null && MessageDigest.isEqual(proof, mac.doFinal(event.encode()));
            if (chainGoesOn) {
                if (!proved) {
                    return ChainBreak.at(event, BreakKind.INSERTED, "the event stands between chained events, where "
                            + "the chain passed over an empty index, and carries " + (proof == null ? "no proof"
                            : "a proof that does not match it"));
                }
                lateOutsideChain++;
            } else if (!proved) {
                return ChainBreak.at(event, BreakKind.NOT_WRITTEN_BY_THE_PLATFORM, "the event, after the chain's "
                        + "head, carries " + (proof == null ? "no proof" : "a proof that does not match it"));
            } else {
                notYetChained++;
            }
            Checkpoint checkpoint = checkpoints.get(event.globalIndex());
            return checkpoint == null ? null : ChainBreak.at(event, BreakKind.CHAIN_ALTERED,
                    "a checkpoint was signed at this index, which the chain does not cover");
        }

        private ChainBreak checkpointAt(long globalIndex, String eventIdentifier) {
            Checkpoint checkpoint = checkpoints.get(globalIndex);
            if (checkpoint == null) {
                return null;
            }
            if (!signatureHolds(checkpoint)) {
                return ChainBreak.at(globalIndex, eventIdentifier, BreakKind.CHECKPOINT_SIGNATURE_INVALID,
                        "the checkpoint at this index is not signed with the audit key");
            }
            if (!MessageDigest.isEqual(checkpoint.chainHash(), previous)) {
                return ChainBreak.at(globalIndex, eventIdentifier, BreakKind.CHAIN_ALTERED,
                        "the signed checkpoint at this index holds another chain hash than the events give");
            }
            lastCheckpoint = checkpoint;
            return null;
        }

        /** A signed checkpoint beyond the last chain row: the chain was longer when it was signed. */
        private ChainBreak checkpointsBeyondHead() {
            Map.Entry<Long, Checkpoint> beyond = checkpoints.higherEntry(Math.max(headIndex, lastProcessed));
            if (beyond == null) {
                return null;
            }
            Checkpoint checkpoint = beyond.getValue();
            return ChainBreak.at(checkpoint.globalIndex(), null, signatureHolds(checkpoint) ? BreakKind.DELETED
                            : BreakKind.CHECKPOINT_SIGNATURE_INVALID,
                    "a checkpoint was signed at this index, yet the chain and the events end at " + lastProcessed
                            + ": events were removed from the end");
        }

        private boolean signatureHolds(Checkpoint checkpoint) {
            return AuditKeys.verify(publicKey, AuditChain.checkpointMessage(checkpoint.globalIndex(),
                    checkpoint.chainHash()), checkpoint.signature());
        }

        /** Rows in batches from a cursor, bytea in binary rather than as hex text (PostgreSQL's JDBC driver). */
        private static void streaming(PreparedStatement statement) throws SQLException {
            statement.setFetchSize(FETCH_SIZE);
            if (statement.isWrapperFor(PGStatement.class)) {
                statement.unwrap(PGStatement.class).setPrepareThreshold(-1);
            }
        }

        private ChainRow nextChainRow(ResultSet rows) throws SQLException {
            return rows.next() ? new ChainRow(rows.getLong(1), rows.getString(2), rows.getBytes(3)) : null;
        }
    }
}
