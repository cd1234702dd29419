package io.cncvision.api.machine;

import io.cncvision.api.value.MachineState;
import java.time.Instant;
import java.util.List;

/**
 * A machine's status as the read model knows it. {@code connectionLostSince} and its reason are set while
 * the platform has lost its connection to the machine: its state is then the last one heard. While a work order
 * has it in maintenance ({@code maintenanceWorkOrder}) its state is MAINTENANCE, whatever its controller shows;
 * {@code heldUnder} names the nonconformances it is on quality hold under.
 */
public record MachineView(String machineId, String name, String protocol, String endpoint, MachineState state,
                          Instant stateSince, List<String> activeAlarms, long cycleCount, Instant lastCycleAt,
                          Instant registeredAt, Instant connectionLostSince, String connectionLostReason,
                          String maintenanceWorkOrder, List<String> heldUnder) {

    public MachineView {
        activeAlarms = List.copyOf(activeAlarms);
        heldUnder = heldUnder == null ? List.of() : List.copyOf(heldUnder);
    }
}
