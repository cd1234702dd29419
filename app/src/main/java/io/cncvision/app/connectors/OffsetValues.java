package io.cncvision.app.connectors;

import io.cncvision.api.value.MachineId;
import io.cncvision.cnc.MachineSignal;
import io.cncvision.cnc.Observation;
import io.cncvision.cnc.TelemetrySink;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tool offsets each machine reported last, heard on their way to telemetry: a correction is written as the
 * value the machine holds plus the correction, never over a value the platform has not read.
 */
final class OffsetValues implements TelemetrySink {

    private final TelemetrySink next;
    private final Map<String, Double> last = new ConcurrentHashMap<>();

    OffsetValues(TelemetrySink next) {
        this.next = next;
    }

    @Override
    public void sample(MachineId machine, Observation observation) {
        if (observation.signal() == MachineSignal.TOOL_OFFSET && observation.key() != null
                && observation.value() instanceof Number value) {
            last.put(key(machine, observation.key()), value.doubleValue());
        }
        next.sample(machine, observation);
    }

    /** The value of {@code offset} the machine reported last, empty before it reported one. */
    Optional<Double> last(MachineId machine, String offset) {
        return Optional.ofNullable(last.get(key(machine, offset)));
    }

    /** A value the platform itself wrote and read back. */
    void written(MachineId machine, String offset, double value) {
        last.put(key(machine, offset), value);
    }

    private static String key(MachineId machine, String offset) {
        return machine.value() + "\u0000" + offset;
    }
}
