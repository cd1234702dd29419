package io.cncvision.audit.chain;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import javax.crypto.Mac;

/**
 * Writes the platform's proof of the events it has just inserted: it reads them back as stored, in the
 * transaction that inserted them, and inserts the HMAC of their canonical encoding into
 * {@code eventstore.event_proof}. One SELECT and one batched INSERT, however many events.
 */
public final class EventProofs {

    private static final String READ_BACK = "SELECT " + CanonicalEvent.COLUMNS
            + " FROM eventstore.events e WHERE e.event_identifier = ANY (?)";
    private static final String INSERT = "INSERT INTO eventstore.event_proof (event_identifier, mac) VALUES (?, ?)";

    private EventProofs() {
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
