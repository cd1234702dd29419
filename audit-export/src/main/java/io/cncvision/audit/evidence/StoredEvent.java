package io.cncvision.audit.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.time.Instant;

/**
 * One row of {@code eventstore.events} as an evidence pack reads it: the payload and metadata as JSON trees, so that
 * the pack shows what was stored, field for field, whatever revision of an event wrote it.
 */
public record StoredEvent(long globalIndex, String eventIdentifier, String aggregateType, String aggregateIdentifier,
                          long sequenceNumber, String eventType, Instant recordedAt, JsonNode payload,
                          JsonNode metadata) {

    public StoredEvent {
        if (eventType == null || recordedAt == null || payload == null) {
            throw new IllegalArgumentException("event " + globalIndex + " lacks its type, recording time or payload");
        }
        metadata = metadata == null ? NullNode.getInstance() : metadata;
    }

    /** {@code io.cncvision.api.part.PartProduced} becomes {@code PartProduced}. */
    public String simpleType() {
        return eventType.substring(Math.max(eventType.lastIndexOf('.'), eventType.lastIndexOf('$')) + 1);
    }

    /** A payload field as text, or null when absent or JSON null. */
    public String text(String field) {
        return EvidenceJson.text(payload.get(field));
    }

    /** A metadata entry as text (a list of roles joined with spaces), or null. */
    public String meta(String key) {
        return EvidenceJson.text(metadata.get(key));
    }
}
