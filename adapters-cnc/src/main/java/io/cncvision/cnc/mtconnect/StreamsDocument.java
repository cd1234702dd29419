package io.cncvision.cnc.mtconnect;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** An agent's {@code /current} or {@code /sample} answer (MTConnectStreams): its header and observations in document order. */
public record StreamsDocument(Header header, List<Entry> entries) implements MtConnectDocument {

    public StreamsDocument {
        entries = List.copyOf(entries);
    }

    /**
     * The agent's buffer as it stood: {@code instanceId} changes when the agent restarts;
     * {@code nextSequence} is where the next request should start from; {@code firstSequence} is the
     * oldest sequence still buffered (a request from before it has missed observations).
     */
    public record Header(String instanceId, String version, long bufferSize, long firstSequence, long lastSequence,
                         long nextSequence) {
    }

    /** Sample, event or condition. */
    public enum Category { SAMPLE, EVENT, CONDITION }

    /** A condition's state. */
    public enum ConditionLevel { NORMAL, WARNING, FAULT, UNAVAILABLE }

    /**
     * One observation. {@code element} is its element name (Execution, PartCount, RotaryVelocity, or
     * for a condition the level: Normal, Warning, Fault, Unavailable); {@code value} its text (trimmed,
     * {@code UNAVAILABLE} when the agent does not know; for a condition its message, possibly null).
     * Conditions carry their {@code level}, {@code nativeCode}, {@code nativeSeverity} and
     * {@code qualifier}; data sets and tables their {@code entries} (for a table, a row's cells as
     * {@code key=value} joined by spaces).
     */
    public record Entry(Category category, String element, String dataItemId, String name, long sequence,
                        Instant timestamp, String value, ConditionLevel level, String nativeCode,
                        String nativeSeverity, String qualifier, Map<String, String> entries) {

        public Entry {
            entries = entries == null ? Map.of() : entries;
        }
    }
}
