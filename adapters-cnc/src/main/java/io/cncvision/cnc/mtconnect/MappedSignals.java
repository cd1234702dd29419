package io.cncvision.cnc.mtconnect;

import io.cncvision.api.value.MachineId;
import io.cncvision.cnc.AlarmLevel;
import io.cncvision.cnc.MachineConnection;
import io.cncvision.cnc.MachineConnection.SignalMapping;
import io.cncvision.cnc.MachineSignal;
import io.cncvision.cnc.Observation;
import io.cncvision.cnc.ObservationSink;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a machine's MTConnect addresses (agent data item ids or SHDR keys) mean as platform signals, shared
 * by the agent client and the SHDR input: values become observations of their signal, conditions become
 * alarms.
 *
 * <p>A condition is keyed by its native code, or, without one, by the mapping's key or else the address.
 * MTConnect clears all of a data item's conditions with one Normal that has no native code; the active
 * codes of each address are remembered so that such a Normal clears each of them. Not thread-safe: one
 * per connector, used from its reading thread.
 */
final class MappedSignals {

    private final Map<String, List<SignalMapping>> byAddress = new LinkedHashMap<>();
    private final Map<String, Set<String>> activeConditions = new HashMap<>();
    private static final Logger log = LoggerFactory.getLogger(MappedSignals.class);

    private final AtomicLong unusable = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();

    MappedSignals(MachineConnection connection) {
        connection.signals().forEach(mapping ->
                byAddress.computeIfAbsent(mapping.address(), address -> new ArrayList<>()).add(mapping));
    }

    Set<String> addresses() {
        return byAddress.keySet();
    }

    boolean isMapped(String address) {
        return byAddress.containsKey(address);
    }

    /** True when {@code address} carries an alarm: in SHDR, its line fields are a condition's. */
    boolean isCondition(String address) {
        List<SignalMapping> mappings = byAddress.get(address);
        return mappings != null && mappings.stream().anyMatch(mapping -> mapping.signal() == MachineSignal.ALARM);
    }

    /** Values heard that their signal cannot take (text for a number): skipped, counted here. */
    long unusableValues() {
        return unusable.get();
    }

    /** Observations the platform refused (a value its command cannot take): logged and counted. */
    long refusedObservations() {
        return refused.get();
    }

    /**
     * Hands an observation to the sink. One the platform refuses (a command that cannot take its value,
     * an alarm code too long) is logged and counted, never taken for a lost connection: the connector
     * keeps following the machine.
     */
    void deliver(ObservationSink sink, MachineId machine, Observation observation) {
        try {
            sink.observed(machine, observation);
        } catch (IllegalArgumentException | IllegalStateException e) {
            refused.incrementAndGet();
            log.error("machine {}: {} {} = {} ({}) refused by the platform, not recorded: {}", machine, observation.signal(),
                    observation.key() == null ? "" : observation.key(), observation.value(), observation.sourceId(), e.getMessage());
        }
    }

    /** The observations a value of {@code address} makes; none for an address not mapped or a value unusable. */
    List<Observation> value(String address, String value, Instant time, String sourceId) {
        List<SignalMapping> mappings = byAddress.get(address);
        if (mappings == null) {
            return List.of();
        }
        List<Observation> observations = new ArrayList<>(1);
        for (SignalMapping mapping : mappings) {
            Object converted = convert(mapping.signal(), value);
            if (converted == null) {
                if (!"UNAVAILABLE".equals(value)) {
                    unusable.incrementAndGet();
                }
                continue;
            }
            observations.add(new Observation(mapping.signal(), mapping.key(), converted, time, sourceId));
        }
        return observations;
    }

    /**
     * The alarms a condition of {@code address} makes: {@code level} null for UNAVAILABLE, which says
     * nothing about alarms and so makes none (resynchronised, never invented).
     */
    List<Observation> condition(String address, AlarmLevel level, String nativeCode, String text, Instant time,
                                String sourceId) {
        List<SignalMapping> mappings = byAddress.get(address);
        if (mappings == null || level == null) {
            return List.of();
        }
        List<Observation> observations = new ArrayList<>(1);
        for (SignalMapping mapping : mappings) {
            if (mapping.signal() != MachineSignal.ALARM) {
                continue;
            }
            Set<String> active = activeConditions.computeIfAbsent(address, a -> new LinkedHashSet<>());
            boolean coded = nativeCode != null && !nativeCode.isBlank();
            String key = coded ? nativeCode : mapping.key() != null ? mapping.key() : address;
            if (level != AlarmLevel.NORMAL) {
                active.add(key);
                observations.add(alarm(key, level, text, time, sourceId));
            } else if (coded || active.isEmpty()) {
                active.remove(key);
                observations.add(alarm(key, AlarmLevel.NORMAL, text, time, sourceId));
            } else {
                for (String cleared : active) {
                    observations.add(alarm(cleared, AlarmLevel.NORMAL, text, time, sourceId + "#" + cleared));
                }
                active.clear();
            }
        }
        return observations;
    }

    /**
     * After a resynchronisation ({@code /current}): the conditions of {@code address} active now are
     * {@code activeKeys}; any other this connector held active has cleared while it was away.
     */
    List<Observation> clearAllBut(String address, Set<String> activeKeys, Instant time, String sourceId) {
        Set<String> active = activeConditions.get(address);
        if (active == null) {
            return List.of();
        }
        List<Observation> cleared = new ArrayList<>();
        for (var it = active.iterator(); it.hasNext(); ) {
            String key = it.next();
            if (!activeKeys.contains(key)) {
                it.remove();
                cleared.add(alarm(key, AlarmLevel.NORMAL, null, time, sourceId + "#" + key));
            }
        }
        return cleared;
    }

    /** The key a Warning or Fault of {@code address} with {@code nativeCode} is reported under. */
    String conditionKey(String address, String nativeCode) {
        if (nativeCode != null && !nativeCode.isBlank()) {
            return nativeCode;
        }
        List<SignalMapping> mappings = byAddress.getOrDefault(address, List.of());
        return mappings.stream().filter(m -> m.signal() == MachineSignal.ALARM && m.key() != null)
                .map(SignalMapping::key).findFirst().orElse(address);
    }

    private static Observation alarm(String key, AlarmLevel level, String text, Instant time, String sourceId) {
        return new Observation(MachineSignal.ALARM, key, new Observation.AlarmReport(level, text), time, sourceId);
    }

    /** The value a signal takes from MTConnect text: text, or a number; null when it cannot take it. */
    static Object convert(MachineSignal signal, String value) {
        if (value == null) {
            return null;
        }
        return switch (signal) {
            case EXECUTION -> value.isEmpty() ? null : value;
            case PROGRAM, PART_ID -> value.isEmpty() || value.equals("UNAVAILABLE") ? null : value;
            case ALARM -> null; // alarms come from conditions only
            default -> number(value);
        };
    }

    private static Number number(String value) {
        if (value.isEmpty() || value.equals("UNAVAILABLE")) {
            return null;
        }
        try {
            if (value.indexOf('.') < 0 && value.indexOf('e') < 0 && value.indexOf('E') < 0) {
                return Long.parseLong(value);
            }
            double parsed = Double.parseDouble(value);
            return Double.isFinite(parsed) ? parsed : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
