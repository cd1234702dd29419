package io.cncvision.audit.chain;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import javax.crypto.Mac;

/**
 * The platform's proof of the events it inserts: the HMAC of each one's canonical encoding, inserted into
 * {@code eventstore.event_proof} in the transaction that inserts the event. The platform proves the values it
 * binds ({@link #proof}); tools that insert rows by SQL prove them by reading them back ({@link #prove}).
 */
public final class EventProofs {

    private static final String READ_BACK = "SELECT " + CanonicalEvent.COLUMNS
            + " FROM eventstore.events e WHERE e.event_identifier = ANY (?)";
    private static final String INSERT = "INSERT INTO eventstore.event_proof (event_identifier, mac) VALUES (?, ?)";

    private EventProofs() {
    }

    /** One event's proof. */
    public record Proof(String eventIdentifier, byte[] mac) {
    }

    /** The proof of this event; {@code mac} is keyed with the event key. */
    public static Proof proof(CanonicalEvent event, Mac mac) {
        return new Proof(event.eventIdentifier(), mac.doFinal(event.encode()));
    }

    /** Inserts these proofs in one batch. */
    public static void insert(Connection connection, List<Proof> proofs) throws SQLException {
        if (proofs.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (Proof proof : proofs) {
                insert.setString(1, proof.eventIdentifier());
                insert.setBytes(2, proof.mac());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** Proves the events with these identifiers; returns how many it found. {@code mac} is keyed with the event key. */
    public static int prove(Connection connection, Collection<String> eventIdentifiers, Mac mac) throws SQLException {
        if (eventIdentifiers.isEmpty()) {
            return 0;
        }
        int proved = 0;
        try (PreparedStatement read = connection.prepareStatement(READ_BACK);
             PreparedStatement insert = connection.prepareStatement(INSERT)) {
            read.setArray(1, connection.createArrayOf("varchar", eventIdentifiers.toArray()));
            try (ResultSet rows = read.executeQuery()) {
                while (rows.next()) {
                    CanonicalEvent event = CanonicalEvent.read(rows);
                    insert.setString(1, event.eventIdentifier());
                    insert.setBytes(2, mac.doFinal(event.encode()));
                    insert.addBatch();
                    proved++;
                }
            }
            if (proved > 0) {
                insert.executeBatch();
            }
        }
        if (proved != eventIdentifiers.size()) {
            throw new SQLException("the transaction inserted " + eventIdentifiers.size() + " events but "
                    + proved + " of them are in eventstore.events");
        }
        return proved;
    }
}
