package io.cncvision.cnc.mtconnect;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The simulator agent's buffer, as an MTConnect agent keeps it: the last {@code capacity} observations in
 * a ring, numbered by sequence, and the current value of every data item (for a condition, its active
 * Warnings and Faults, or its last Normal). Not thread-safe: the agent server guards it.
 */
final class AgentBuffer {

    /** A data item of the simulated lathe, with where it sits in the device model. */
    record Item(String id, String name, String category, String type, String subType, String units,
                String component, String componentId, String element) {
    }

    /** One buffered observation; {@code level} is Normal, Warning or Fault for a condition, else null. */
    record Stored(long sequence, Item item, Instant timestamp, String value, String level, String nativeCode) {
    }

    private final Stored[] ring;
    private long first = 1;
    private long next = 1;
    private final Map<String, Stored> latest = new LinkedHashMap<>();
    private final Map<String, Map<String, Stored>> activeConditions = new LinkedHashMap<>();

    AgentBuffer(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("buffer capacity must be at least 1, not " + capacity);
        }
        ring = new Stored[capacity];
    }

    int capacity() {
        return ring.length;
    }

    long firstSequence() {
        return first;
    }

    long nextSequence() {
        return next;
    }

    long lastSequence() {
        return next - 1;
    }

    /** Buffers a value; returns it as stored. */
    Stored add(Item item, Instant timestamp, String value) {
        return store(new Stored(next, item, timestamp, value, null, null));
    }

    /** Buffers a condition: {@code level} Normal (all clear when {@code nativeCode} is null), Warning or Fault. */
    Stored addCondition(Item item, Instant timestamp, String level, String nativeCode, String text) {
        Stored stored = store(new Stored(next, item, timestamp, text, level, nativeCode));
        Map<String, Stored> active = activeConditions.computeIfAbsent(item.id(), id -> new LinkedHashMap<>());
        if (!level.equals("Normal")) {
            active.put(nativeCode == null ? "" : nativeCode, stored);
        } else if (nativeCode == null) {
            active.clear();
        } else {
            active.remove(nativeCode);
        }
        return stored;
    }

    private Stored store(Stored stored) {
        ring[(int) (stored.sequence() % ring.length)] = stored;
        next++;
        if (next - first > ring.length) {
            first = next - ring.length;
        }
        latest.put(stored.item().id(), stored);
        return stored;
    }

    /** Up to {@code count} observations from sequence {@code from} (at least {@link #firstSequence()}). */
    List<Stored> from(long from, int count) {
        List<Stored> found = new ArrayList<>(Math.min(count, 256));
        for (long sequence = Math.max(from, first); sequence < next && found.size() < count; sequence++) {
            found.add(ring[(int) (sequence % ring.length)]);
        }
        return found;
    }

    /** The current value of each data item; for a condition, its active Warnings and Faults, or its last Normal. */
    List<Stored> current() {
        List<Stored> current = new ArrayList<>();
        for (Stored stored : latest.values()) {
            Map<String, Stored> active = activeConditions.get(stored.item().id());
            if (active != null && !active.isEmpty()) {
                current.addAll(active.values());
            } else {
                current.add(stored);
            }
        }
        return current;
    }

    /** Forgets everything, as a restarted agent has: sequences start again at 1. */
    void clear() {
        java.util.Arrays.fill(ring, null);
        first = 1;
        next = 1;
        latest.clear();
        activeConditions.clear();
    }

    /** Numbers the next observation {@code count} further on and forgets what came before it: a buffer overrun. */
    void skip(long count) {
        next += count;
        first = next;
    }
}
