package io.cncvision.audit.chain;

import io.cncvision.audit.key.AuditKeys;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.Mac;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Extends {@code eventstore.event_chain} in global-index order over the committed events, and signs a checkpoint
 * of the head every {@code checkpointInterval} global indexes. One instance per process, called from one thread;
 * an advisory lock keeps two processes on one database from extending the chain at once.
 *
 * <p>Global indexes are taken before commit, so a lower index may become visible after a higher one. The chain
 * stops at the first missing index and waits for it; a missing index that stays missing longer than
 * {@code gapTimeout} is a sequence value a rolled-back transaction took, and the chain passes over it.
 */
public final class ChainExtender {

    private static final Logger log = LoggerFactory.getLogger(ChainExtender.class);
    /** The advisory lock key of the chain (the ASCII of "chain"). */
    private static final long LOCK = 0x636861696eL;
    private static final String CHECKPOINT = "INSERT INTO eventstore.chain_checkpoint"
            + " (global_index, chain_hash, signature, signed_at) VALUES (?, ?, ?, ?)";

    private final AuditKeys keys;
    private final Mac mac;
    private final MessageDigest sha256 = AuditChain.sha256();
    private final Clock clock;
    private final Duration gapTimeout;
    private final int batchSize;
    private final int checkpointInterval;
    /** When each missing index (the first of a run of them) was first seen missing. */
    private final Map<Long, Instant> gapsSeen = new HashMap<>();

    public ChainExtender(AuditKeys keys, Clock clock, Duration gapTimeout, int batchSize, int checkpointInterval) {
        if (batchSize < 1 || checkpointInterval < 1) {
            throw new IllegalArgumentException("batch size and checkpoint interval must be positive, not "
                    + batchSize + " and " + checkpointInterval);
        }
        this.keys = keys;
        this.mac = keys.eventMac();
        this.clock = clock;
        this.gapTimeout = gapTimeout;
        this.batchSize = batchSize;
        this.checkpointInterval = checkpointInterval;
    }

    /**
     * Chains up to one batch of committed events, in the caller's transaction on {@code connection}; returns how
     * many it chained (0 when another process holds the chain, or nothing new is committed).
     */
    public int extend(Connection connection) throws SQLException {
        if (!lock(connection)) {
            return 0;
        }
        Head head = head(connection);
        long expected = head.globalIndex() + 1;
        byte[] previous = head.chainHash();
        int chained = 0;
        long lastCheckpoint = lastCheckpoint(connection);
        // The proof as a scalar subquery: one index lookup for each row the LIMIT keeps. A join let the planner
        // hash the whole proof table, and sort, on every round.
        try (PreparedStatement read = connection.prepareStatement("SELECT " + CanonicalEvent.COLUMNS
                + ", (SELECT p.mac FROM eventstore.event_proof p WHERE p.event_identifier = e.event_identifier)"
                + " FROM eventstore.events e WHERE e.global_index > ? ORDER BY e.global_index LIMIT ?");
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO eventstore.event_chain (global_index, event_identifier, chain_hash) VALUES (?, ?, ?)");
             PreparedStatement checkpoint = connection.prepareStatement(CHECKPOINT)) {
            read.setLong(1, head.globalIndex());
            read.setInt(2, batchSize);
            try (ResultSet rows = read.executeQuery()) {
                while (rows.next()) {
                    CanonicalEvent event = CanonicalEvent.read(rows);
                    if (event.globalIndex() > expected && !gapTimedOut(expected)) {
                        break;
                    }
                    byte[] canonical = event.encode();
                    byte[] proof = rows.getBytes(11);
                    if (proof == null || !MessageDigest.isEqual(proof, mac.doFinal(canonical))) {
                        log.error("event {} at global index {} ({} {}) has {}: it was not written by the platform, "
                                        + "or changed since; chained as found, `cncvision audit verify` names it",
                                event.eventIdentifier(), event.globalIndex(), event.aggregateIdentifier(),
                                event.shortType(), proof == null ? "no proof" : "a proof that does not match it");
                    }
                    previous = AuditChain.link(sha256, previous, canonical, proof);
                    insert.setLong(1, event.globalIndex());
                    insert.setString(2, event.eventIdentifier());
                    insert.setBytes(3, previous);
                    insert.addBatch();
                    expected = event.globalIndex() + 1;
                    chained++;
                    if (event.globalIndex() - lastCheckpoint >= checkpointInterval) {
                        addCheckpoint(checkpoint, event.globalIndex(), previous);
                        lastCheckpoint = event.globalIndex();
                    }
                }
            }
            if (chained > 0) {
                insert.executeBatch();
                checkpoint.executeBatch();
            }
        }
        long next = expected;
        gapsSeen.keySet().removeIf(index -> index < next);
        return chained;
    }

    /** Signs the head of the chain, if events were chained since the last checkpoint (at shutdown, say). */
    public boolean checkpoint(Connection connection) throws SQLException {
        if (!lock(connection)) {
            return false;
        }
        Head head = head(connection);
        if (head.globalIndex() == 0 || head.globalIndex() == lastCheckpoint(connection)) {
            return false;
        }
        try (PreparedStatement checkpoint = connection.prepareStatement(CHECKPOINT)) {
            addCheckpoint(checkpoint, head.globalIndex(), head.chainHash());
            checkpoint.executeBatch();
        }
        return true;
    }

    private boolean gapTimedOut(long missing) {
        Instant now = clock.instant();
        Instant seen = gapsSeen.computeIfAbsent(missing, index -> now);
        if (Duration.between(seen, now).compareTo(gapTimeout) < 0) {
            return false;
        }
        log.info("global index {} still has no event after {} s: a rolled-back transaction took it; chained past it",
                missing, gapTimeout.toSeconds());
        return true;
    }

    private void addCheckpoint(PreparedStatement checkpoint, long globalIndex, byte[] chainHash) throws SQLException {
        checkpoint.setLong(1, globalIndex);
        checkpoint.setBytes(2, chainHash);
        checkpoint.setBytes(3, keys.sign(AuditChain.checkpointMessage(globalIndex, chainHash)));
        checkpoint.setTimestamp(4, Timestamp.from(clock.instant()));
        checkpoint.addBatch();
    }

    private static boolean lock(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet locked = statement.executeQuery("SELECT pg_try_advisory_xact_lock(" + LOCK + ")")) {
            locked.next();
            return locked.getBoolean(1);
        }
    }

    private static Head head(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet head = statement.executeQuery("SELECT global_index, chain_hash FROM eventstore.event_chain"
                     + " ORDER BY global_index DESC LIMIT 1")) {
            return head.next() ? new Head(head.getLong(1), head.getBytes(2)) : new Head(0, AuditChain.GENESIS);
        }
    }

    private static long lastCheckpoint(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet last = statement.executeQuery("SELECT coalesce(max(global_index), 0) FROM eventstore.chain_checkpoint")) {
            last.next();
            return last.getLong(1);
        }
    }

    private record Head(long globalIndex, byte[] chainHash) {
    }
}
