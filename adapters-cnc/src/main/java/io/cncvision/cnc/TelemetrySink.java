package io.cncvision.cnc;

import io.cncvision.api.value.MachineId;

/**
 * The seam for high-rate signals (spindle load, speeds, positions, offsets): they are not events. The
 * maintenance module plugs its telemetry store in here; until then they are counted and dropped.
 */
@FunctionalInterface
public interface TelemetrySink {

    void sample(MachineId machine, Observation observation);
}
