package io.cncvision.app.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cncvision.audit.evidence.CapabilityStudy;
import io.cncvision.audit.evidence.ChainHead;
import io.cncvision.audit.evidence.EvidencePackWriter;
import io.cncvision.audit.evidence.EvidencePeriod;
import io.cncvision.audit.evidence.PackPerson;
import io.cncvision.audit.evidence.StoredEvent;
import io.cncvision.audit.key.AuditKeys;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Cuts an evidence pack from a database: streams the events recorded up to the end of the period from
 * {@code eventstore.events} in global order (a server-side cursor, so a million events never sit in memory) and
 * reads the hash chain's head at the last of them and the names behind the user ids of the pack (the people
 * registry), all in one read-only snapshot, then signs the pack with the instance's audit key. Shared by
 * {@code cncvision audit export} and {@code GET /api/v1/audit/exports}.
 */
public final class EvidencePackExport {

    static final int FETCH_SIZE = 10_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DataSource dataSource;
    private final AuditKeys keys;
    private final CapabilityStudy capability;
    private final Clock clock;

    public EvidencePackExport(DataSource dataSource, AuditKeys keys, Clock clock) {
        this.dataSource = dataSource;
        this.keys = keys;
        this.capability = new SpcCapabilityStudy();
        this.clock = clock;
    }

    /** Writes the pack of {@code period} to {@code out} (left open). */
    public EvidencePackWriter.PackSummary write(EvidencePeriod period, OutputStream out) throws IOException, SQLException {
        Path spool = Files.createTempDirectory("cncvision-evidence-");
        try (Connection connection = dataSource.getConnection();
             EvidencePackWriter writer = new EvidencePackWriter(period, capability, spool)) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            try {
                long last = streamEvents(connection, period, writer);
                ChainHead head = chainHead(connection, last);
                writer.people(people(connection, writer.principals()));
                connection.commit();
                return writer.finish(out, head, keys, clock.instant());
            } finally {
                connection.rollback();
                connection.setReadOnly(false);
                connection.setAutoCommit(autoCommit);
            }
        } finally {
            Files.deleteIfExists(spool);
        }
    }

    private static long streamEvents(Connection connection, EvidencePeriod period, EvidencePackWriter writer)
            throws SQLException, IOException {
        long last = -1;
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT global_index, event_identifier, aggregate_type, aggregate_identifier, sequence_number,
                       event_type, time_stamp, payload, meta_data
                FROM eventstore.events
                WHERE time_stamp::timestamptz <= ?
                ORDER BY global_index
                """)) {
            query.setFetchSize(FETCH_SIZE);
            query.setTimestamp(1, Timestamp.from(period.to()));
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    last = row.getLong(1);
                    byte[] metadata = row.getBytes(9);
                    writer.accept(new StoredEvent(last, row.getString(2), row.getString(3), row.getString(4),
                            row.getLong(5), row.getString(6), instant(row.getString(7)), json(row.getBytes(8)),
                            metadata == null ? null : json(metadata)));
                }
            }
        }
        return last;
    }

    /** The chain hash at the last exported event and the signed checkpoint at or before it; null without a chain. */
    private static ChainHead chainHead(Connection connection, long last) throws SQLException {
        if (last < 0 || !exists(connection, "eventstore.event_chain")) {
            return null;
        }
        Long index = null;
        String hash = null;
        try (PreparedStatement query = connection.prepareStatement("SELECT global_index, chain_hash FROM "
                + "eventstore.event_chain WHERE global_index <= ? ORDER BY global_index DESC LIMIT 1")) {
            query.setLong(1, last);
            try (ResultSet row = query.executeQuery()) {
                if (row.next()) {
                    index = row.getLong(1);
                    hash = HexFormat.of().formatHex(row.getBytes(2));
                }
            }
        }
        if (index == null) {
            return null;
        }
        if (exists(connection, "eventstore.chain_checkpoint")) {
            try (PreparedStatement query = connection.prepareStatement("SELECT global_index, chain_hash, signature, "
                    + "signed_at FROM eventstore.chain_checkpoint WHERE global_index <= ? ORDER BY global_index DESC "
                    + "LIMIT 1")) {
                query.setLong(1, index);
                try (ResultSet row = query.executeQuery()) {
                    if (row.next()) {
                        return new ChainHead(index, hash, row.getLong(1), HexFormat.of().formatHex(row.getBytes(2)),
                                Base64.getEncoder().encodeToString(row.getBytes(3)),
                                row.getObject(4, OffsetDateTime.class).toInstant().toString());
                    }
                }
            }
        }
        return new ChainHead(index, hash, null, null, null, null);
    }

    /**
     * The people registry's entries for the principals of the pack, as of the same snapshot: a name next to each user
     * id, or the erasure of it. Machine ids are no user ids and find nothing; a store without the registry, none.
     */
    private static List<PackPerson> people(Connection connection, Set<String> principals) throws SQLException {
        List<PackPerson> people = new ArrayList<>();
        if (principals.isEmpty() || !exists(connection, "people.person")) {
            return people;
        }
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT user_id, display_name, erased_at FROM people.person WHERE user_id = ANY (?)")) {
            query.setArray(1, connection.createArrayOf("varchar", principals.toArray()));
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    OffsetDateTime erasedAt = row.getObject(3, OffsetDateTime.class);
                    people.add(new PackPerson(row.getString(1), row.getString(2),
                            erasedAt == null ? null : erasedAt.toInstant()));
                }
            }
        }
        return people;
    }

    private static boolean exists(Connection connection, String table) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            query.setString(1, table);
            try (ResultSet row = query.executeQuery()) {
                return row.next() && row.getBoolean(1);
            }
        }
    }

    private static JsonNode json(byte[] bytes) throws IOException {
        return JSON.readTree(bytes);
    }

    private static Instant instant(String timestamp) {
        try {
            return Instant.parse(timestamp);
        } catch (RuntimeException e) {
            return OffsetDateTime.parse(timestamp).toInstant();
        }
    }
}
