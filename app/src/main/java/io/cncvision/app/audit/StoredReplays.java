package io.cncvision.app.audit;

import io.cncvision.projection.ReadModelSchema;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The replays kept in the database, one schema {@code asof_...} each: at most {@code keep} of them, the least
 * recently used dropped to make room for a new one, and none left behind half-built.
 *
 * <p>A replay is never dropped while in use. Being written: its builder holds a PostgreSQL advisory lock on the
 * work-in-progress schema's name for as long as it writes, in whatever process it runs, and only a schema whose
 * lock can be had is a leftover. Being read: a request marks the schema used before it reads, so one used within
 * {@code inUse} is spared, and a drop waits only briefly for the table locks a longer read holds, then gives up on
 * that schema. The cap can thus be exceeded for a while, never by dropping what somebody reads.
 */
public final class StoredReplays {

    private static final Logger log = LoggerFactory.getLogger(StoredReplays.class);

    /** How many replays are kept unless configured ({@code cncvision.audit.replay.keep}). */
    public static final int DEFAULT_KEEP = 20;
    /** How long after its last use a replay counts as possibly being read. */
    public static final Duration DEFAULT_IN_USE = Duration.ofMinutes(1);

    private static final Pattern AS_OF = Pattern.compile("asof_[0-9]{8}t[0-9]{6}(_[0-9]+)?z(_[a-z0-9_]+)?");
    private static final Pattern WORK_IN_PROGRESS = Pattern.compile(".*_wip_[0-9a-f]+");
    /** The first key of the advisory locks of replays being written ("asof"); the second is the schema's hash. */
    private static final int WRITING = 0x61736f66;
    private static final String DROP_LOCK_TIMEOUT = "250ms";

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final int keep;
    private final Duration inUse;

    public StoredReplays(DataSource dataSource, Clock clock, int keep, Duration inUse) {
        if (keep < 1) {
            throw new IllegalArgumentException("cncvision.audit.replay.keep must be at least 1 (the replay being "
                    + "read), not " + keep);
        }
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
        this.clock = clock;
        this.keep = keep;
        this.inUse = inUse;
    }

    /** One replay schema as stored: complete or not, and when it was last read or written. */
    public record Stored(String schema, Instant asOf, String processingGroups, long events, long sizeBytes,
                         Instant replayedAt, Instant lastUsed, boolean complete, boolean workInProgress) {
    }

    /** What an operator's drop did: the schemas dropped, and those spared because they were in use. */
    public record Dropped(List<String> dropped, List<String> inUse) {
    }

    public int keep() {
        return keep;
    }

    /** Every replay schema, complete, unfinished or being built, by name. */
    public List<Stored> list() {
        Map<String, Long> sizes = new LinkedHashMap<>();
        jdbc.query("""
                SELECT n.nspname, COALESCE(sum(pg_total_relation_size(c.oid))
                    FILTER (WHERE c.relkind IN ('r', 'p')), 0) AS bytes
                FROM pg_namespace n LEFT JOIN pg_class c ON c.relnamespace = n.oid
                WHERE n.nspname LIKE 'asof\\_%'
                GROUP BY n.nspname ORDER BY n.nspname
                """, (ResultSet row) -> {
            if (AS_OF.matcher(row.getString(1)).matches()) {
                sizes.put(row.getString(1), row.getLong(2));
            }
        });
        List<Stored> stored = new ArrayList<>();
        sizes.forEach((schema, bytes) -> stored.add(describe(schema, bytes)));
        return stored;
    }

    private Stored describe(String schema, long bytes) {
        boolean workInProgress = WORK_IN_PROGRESS.matcher(schema).matches();
        Map<String, Object> record = null;
        try {
            if (Boolean.TRUE.equals(jdbc.queryForObject("SELECT to_regclass(?) IS NOT NULL", Boolean.class,
                    schema + "." + Replay.RECORD))) {
                record = jdbc.queryForList("SELECT * FROM " + schema + "." + Replay.RECORD).stream().findFirst()
                        .orElse(null);
            }
        } catch (DataAccessException e) {
            // dropped or renamed while listed: it is shown as unfinished
        }
        if (record == null) {
            return new Stored(schema, null, null, 0, bytes, null, null, false, workInProgress);
        }
        Instant replayedAt = instant(record.get("replayed_at"));
        Instant lastUsed = instant(record.get("last_used"));
        return new Stored(schema, instant(record.get("as_of")), (String) record.get("processing_groups"),
                ((Number) record.get("events")).longValue(), bytes, replayedAt,
                lastUsed != null ? lastUsed : replayedAt, !workInProgress, workInProgress);
    }

    private static Instant instant(Object value) {
        return value instanceof Timestamp timestamp ? timestamp.toInstant() : null;
    }

    /**
     * Records that the replay is read now, so that the least recently used goes first; false if it is not there
     * (any more) to be read.
     */
    public boolean touch(ReadModelSchema schema) {
        String update = "UPDATE " + schema.name() + "." + Replay.RECORD + " SET last_used = ?";
        try {
            return jdbc.update(update, Timestamp.from(clock.instant())) > 0;
        } catch (BadSqlGrammarException e) {
            if (!Replay.completed(jdbc, schema)) {
                return false;
            }
            // a replay recorded before last use was kept: give its record the column, once
            jdbc.execute("ALTER TABLE " + schema.name() + "." + Replay.RECORD
                    + " ADD COLUMN IF NOT EXISTS last_used TIMESTAMPTZ");
            return jdbc.update(update, Timestamp.from(clock.instant())) > 0;
        }
    }

    /**
     * Drops replays, least recently used first, until one more fits under the cap; never {@code target} (which
     * the new replay replaces), one being built, or one in use. Returns the names dropped.
     */
    public List<String> makeRoomFor(ReadModelSchema target) {
        Instant spareSince = clock.instant().minus(inUse);
        List<Stored> kept = list().stream()
                .filter(stored -> !stored.workInProgress() && !stored.schema().equals(target.name()))
                .sorted(Comparator.comparing(Stored::complete)
                        .thenComparing(Stored::lastUsed, Comparator.nullsFirst(Comparator.naturalOrder())))
                .toList();
        int excess = kept.size() - (keep - 1);
        List<String> dropped = new ArrayList<>();
        for (Stored stored : kept) {
            if (dropped.size() >= excess) {
                break;
            }
            boolean recentlyUsed = stored.complete() && stored.lastUsed() != null
                    && stored.lastUsed().isAfter(spareSince);
            if (!recentlyUsed && dropUnlessLocked(stored.schema())) {
                dropped.add(stored.schema());
            }
        }
        if (dropped.size() < excess) {
            log.warn("{} replays are stored, more than cncvision.audit.replay.keep={}: the others are in use",
                    kept.size() - dropped.size() + 1, keep);
        }
        if (!dropped.isEmpty()) {
            log.info("Dropped the least recently used replays {} to keep at most {}", dropped, keep);
        }
        return dropped;
    }

    /**
     * Drops what interrupted replays left: work-in-progress schemas nobody is writing, and schemas whose record
     * a crash of PostgreSQL emptied. {@code target} null means of every instant, else only of that schema.
     */
    public List<String> dropLeftovers(ReadModelSchema target) {
        List<String> dropped = new ArrayList<>();
        for (Stored stored : list()) {
            if (stored.complete() || (target != null && !stored.schema().equals(target.name())
                    && !stored.schema().startsWith(target.name() + "_wip_"))) {
                continue;
            }
            if (dropIfNotBeingWritten(stored.schema())) {
                dropped.add(stored.schema());
            }
        }
        if (!dropped.isEmpty()) {
            log.info("Dropped the schemas of interrupted replays {}", dropped);
        }
        return dropped;
    }

    /**
     * The operator's drop: every replay schema whose name the predicate accepts, those being written or read
     * spared and named.
     */
    public Dropped drop(Predicate<String> schemas) {
        List<String> dropped = new ArrayList<>();
        List<String> spared = new ArrayList<>();
        for (Stored stored : list()) {
            if (!schemas.test(stored.schema())) {
                continue;
            }
            boolean done = stored.workInProgress() ? dropIfNotBeingWritten(stored.schema())
                    : dropUnlessLocked(stored.schema());
            (done ? dropped : spared).add(stored.schema());
        }
        return new Dropped(dropped, spared);
    }

    /** Whether the schema is a replay of the instant (every read model, or one processing group's). */
    public static Predicate<String> ofInstant(Instant asOf) {
        String whole = ReadModelSchema.asOf(asOf).name();
        return schema -> schema.equals(whole) || schema.startsWith(whole + "_");
    }

    /**
     * Marks the schema as being written until closed, on a connection of its own: a session-level advisory lock,
     * released by PostgreSQL if the writing process dies.
     */
    public Writing writing(ReadModelSchema schema) {
        try {
            Connection connection = dataSource.getConnection();
            try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_lock(?, hashtext(?))")) {
                lock.setInt(1, WRITING);
                lock.setString(2, schema.name());
                lock.execute();
            } catch (SQLException e) {
                connection.close();
                throw e;
            }
            return new Writing(connection, schema.name());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot mark schema " + schema.name() + " as being written: "
                    + e.getMessage(), e);
        }
    }

    /** A schema being written; closing releases it. */
    public static final class Writing implements AutoCloseable {

        private final Connection connection;
        private final String schema;

        private Writing(Connection connection, String schema) {
            this.connection = connection;
            this.schema = schema;
        }

        @Override
        public void close() {
            try (Connection held = connection;
                 PreparedStatement unlock = held.prepareStatement("SELECT pg_advisory_unlock(?, hashtext(?))")) {
                unlock.setInt(1, WRITING);
                unlock.setString(2, schema);
                unlock.execute();
            } catch (SQLException e) {
                // closing the connection ends the session, and the lock with it
            }
        }
    }

    /** Drops the schema if no replay holds it as being written, with its lock held meanwhile. */
    private boolean dropIfNotBeingWritten(String schema) {
        return Boolean.TRUE.equals(jdbc.execute((Connection connection) -> {
            try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_lock(?, hashtext(?))")) {
                lock.setInt(1, WRITING);
                lock.setString(2, schema);
                try (ResultSet row = lock.executeQuery()) {
                    if (!row.next() || !row.getBoolean(1)) {
                        return false;
                    }
                }
            }
            try (var drop = connection.createStatement()) {
                drop.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            } finally {
                try (PreparedStatement unlock = connection.prepareStatement(
                        "SELECT pg_advisory_unlock(?, hashtext(?))")) {
                    unlock.setInt(1, WRITING);
                    unlock.setString(2, schema);
                    unlock.execute();
                }
            }
            return true;
        }));
    }

    /** Drops the schema unless a reader holds its tables beyond a short wait; false if it was spared. */
    private boolean dropUnlessLocked(String schema) {
        try {
            new TransactionTemplate(new DataSourceTransactionManager(dataSource)).executeWithoutResult(status -> {
                jdbc.execute("SET LOCAL lock_timeout TO '" + DROP_LOCK_TIMEOUT + "'");
                jdbc.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            });
            return true;
        } catch (DataAccessException e) {
            log.info("Replay schema {} is in use, not dropped: {}", schema, e.getMostSpecificCause().getMessage());
            return false;
        }
    }
}
