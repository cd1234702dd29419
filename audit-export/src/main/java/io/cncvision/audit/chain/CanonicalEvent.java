package io.cncvision.audit.chain;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * An event as stored in {@code eventstore.events}, and its canonical encoding: the one sequence of bytes that the
 * platform's proof (HMAC) and the chain's hash cover. Every field is encoded exactly as stored, length-prefixed
 * (a 4-byte big-endian length, -1 for SQL NULL), so that no two different rows encode alike. Writer and
 * verifier both encode through here.
 */
public record CanonicalEvent(long globalIndex, String eventIdentifier, String aggregateType,
                             String aggregateIdentifier, long sequenceNumber, String eventType,
                             String payloadRevision, String timeStamp, byte[] payload, byte[] metaData) {

    /** The columns {@link #read(ResultSet)} reads, qualified with the alias {@code e}. */
    public static final String COLUMNS = "e.global_index, e.event_identifier, e.aggregate_type, "
            + "e.aggregate_identifier, e.sequence_number, e.event_type, e.payload_revision, e.time_stamp, "
            + "e.payload, e.meta_data";

    private static final byte VERSION = 1;

    /** The event in the current row of a result set selecting {@link #COLUMNS}. */
    public static CanonicalEvent read(ResultSet row) throws SQLException {
        return new CanonicalEvent(row.getLong(1), row.getString(2), row.getString(3), row.getString(4),
                row.getLong(5), row.getString(6), row.getString(7), row.getString(8), row.getBytes(9),
                row.getBytes(10));
    }

    /**
     * The canonical encoding: a version byte, then event_identifier, aggregate_type, aggregate_identifier,
     * sequence_number (8 bytes), event_type, payload_revision, time_stamp, payload and meta_data. The global
     * index is not part of it: the chain, not the proof, fixes an event's place.
     */
    public byte[] encode() {
        byte[][] strings = {utf8(eventIdentifier), utf8(aggregateType), utf8(aggregateIdentifier), utf8(eventType),
                utf8(payloadRevision), utf8(timeStamp)};
        int size = 1 + 8 + 8 * 4 + length(payload) + length(metaData);
        for (byte[] s : strings) {
            size += length(s);
        }
        ByteBuffer buffer = ByteBuffer.allocate(size);
        buffer.put(VERSION);
        field(buffer, strings[0]);
        field(buffer, strings[1]);
        field(buffer, strings[2]);
        buffer.putLong(sequenceNumber);
        field(buffer, strings[3]);
        field(buffer, strings[4]);
        field(buffer, strings[5]);
        field(buffer, payload);
        field(buffer, metaData);
        return buffer.array();
    }

    /** The payload type without its package, as a person names it: {@code MachineRegistered}. */
    public String shortType() {
        return eventType == null ? null : eventType.substring(eventType.lastIndexOf('.') + 1);
    }

    private static byte[] utf8(String value) {
        return value == null ? null : value.getBytes(StandardCharsets.UTF_8);
    }

    private static int length(byte[] value) {
        return value == null ? 0 : value.length;
    }

    private static void field(ByteBuffer buffer, byte[] value) {
        if (value == null) {
            buffer.putInt(-1);
        } else {
            buffer.putInt(value.length);
            buffer.put(value);
        }
    }
}
