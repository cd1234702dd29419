package io.cncvision.cnc;

import java.time.Instant;
import java.util.Objects;

/**
 * One value a connector heard: {@code signal} (and its instance {@code key}, null for single signals),
 * the value, the machine's own time for it, and {@code sourceId}, which identifies this report of
 * it so that a repeat records nothing (an OPC-UA node and source timestamp, an MTConnect sequence
 * number, a Modbus poll).
 *
 * <p>Values by signal: text for EXECUTION, PROGRAM and PART_ID; a {@link Number} for PART_COUNT, ACTIVE_TOOL
 * and the telemetry signals; an {@link AlarmReport} for ALARM.
 */
public record Observation(MachineSignal signal, String key, Object value, Instant sourceTime, String sourceId) {

    public Observation {
        Objects.requireNonNull(signal, "signal");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(sourceTime, "sourceTime");
        Objects.requireNonNull(sourceId, "sourceId");
    }

    /** An alarm's state: NORMAL when it cleared. */
    public record AlarmReport(AlarmLevel level, String text) {

        public AlarmReport {
            Objects.requireNonNull(level, "level");
        }
    }
}
