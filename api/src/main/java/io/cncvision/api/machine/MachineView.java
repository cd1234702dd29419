package io.cncvision.api.machine;

import io.cncvision.api.value.MachineState;
import java.time.Instant;
import java.util.List;

/**
 * A machine's status as the read model knows it. {@code connectionLostSince} and its reason are set while
 * the platform has lost its connection to the machine: its state is then the last one heard.
 */
public record MachineView(String machineId, String name, String protocol, String endpoint, MachineState state,
                          Instant stateSince, List<String> activeAlarms, long cycleCount, Instant lastCycleAt,
                          Instant registeredAt, Instant connectionLostSince, String connectionLostReason) {
}
