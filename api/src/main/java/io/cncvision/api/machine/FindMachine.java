package io.cncvision.api.machine;

import io.cncvision.api.value.MachineId;

/** Finds one machine's status. */
public record FindMachine(MachineId machineId) {
}
