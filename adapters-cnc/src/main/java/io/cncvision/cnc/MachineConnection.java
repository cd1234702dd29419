package io.cncvision.cnc;

import io.cncvision.api.value.MachineId;
import io.cncvision.api.value.Protocol;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One machine's connection, as configured under {@code cncvision.machines}: where it is, how to talk
 * to it ({@code options}, per protocol: security, credentials, unit id, poll interval, ...), and which of
 * its addresses carry which signals. Address syntax is the protocol's: an OPC-UA node id
 * ({@code ns=2;s=Lathe/Execution}), a Modbus register ({@code holding:100}, its type an option), an MTConnect
 * data item id.
 */
public record MachineConnection(MachineId machine, String name, Protocol protocol, String endpoint,
                                Map<String, String> options, List<SignalMapping> signals,
                                Duration initialBackoff, Duration maximumBackoff) {

    public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofMillis(500);
    public static final Duration DEFAULT_MAXIMUM_BACKOFF = Duration.ofSeconds(30);

    public MachineConnection {
        Objects.requireNonNull(machine, "machine");
        Objects.requireNonNull(protocol, "protocol");
        if (endpoint == null || endpoint.isBlank()) {
            throw new IllegalArgumentException("machine " + machine + ": endpoint is required");
        }
        name = name == null || name.isBlank() ? machine.value() : name;
        options = options == null ? Map.of() : Map.copyOf(options);
        signals = signals == null ? List.of() : List.copyOf(signals);
        initialBackoff = initialBackoff == null ? DEFAULT_INITIAL_BACKOFF : initialBackoff;
        maximumBackoff = maximumBackoff == null ? DEFAULT_MAXIMUM_BACKOFF : maximumBackoff;
        if (initialBackoff.isNegative() || initialBackoff.isZero() || maximumBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("machine " + machine + ": backoff must grow from a positive initial ("
                    + initialBackoff + ") to a maximum at least as long (" + maximumBackoff + ")");
        }
    }

    /** The option's value, or {@code fallback} when it is not configured. */
    public String option(String key, String fallback) {
        return options.getOrDefault(key, fallback);
    }

    /** The mappings of {@code signal}. */
    public List<SignalMapping> mappings(MachineSignal signal) {
        return signals.stream().filter(mapping -> mapping.signal() == signal).toList();
    }

    /** The writable offset named {@code key}; refuses one the configuration does not name as writable. */
    public SignalMapping writableOffset(String key) {
        return signals.stream()
                .filter(mapping -> mapping.signal() == MachineSignal.TOOL_OFFSET && key.equals(mapping.key())
                        && mapping.writable())
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("machine " + machine + " has no writable tool offset '"
                        + key + "'; configured: " + signals.stream()
                        .filter(mapping -> mapping.signal() == MachineSignal.TOOL_OFFSET && mapping.writable())
                        .map(SignalMapping::key).toList()));
    }

    /**
     * One address and the signal it carries. {@code key} names the instance (an axis, a tool offset, an
     * alarm code) where a signal has several; {@code options} are the protocol's (Modbus data type, word
     * order and scale, an OPC-UA write method, ...).
     */
    public record SignalMapping(MachineSignal signal, String key, String address, boolean writable,
                                Map<String, String> options) {

        public SignalMapping {
            Objects.requireNonNull(signal, "signal");
            if (address == null || address.isBlank()) {
                throw new IllegalArgumentException("signal " + signal + (key == null ? "" : " " + key)
                        + ": address is required");
            }
            if (writable && signal != MachineSignal.TOOL_OFFSET) {
                throw new IllegalArgumentException("signal " + signal + " at " + address
                        + " cannot be writable: only tool offsets are written");
            }
            options = options == null ? Map.of() : Map.copyOf(options);
        }

        public String option(String name, String fallback) {
            return options.getOrDefault(name, fallback);
        }
    }
}
