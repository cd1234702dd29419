package io.cncvision.api.nonconformance;

import io.cncvision.api.value.CharacteristicId;
import io.cncvision.api.value.MachineId;

/** Finds the nonconformance register, newest first; each filter that is null does not filter. */
public record FindNonConformances(NonConformanceStatus status, MachineId machineId,
                                  CharacteristicId characteristicId) {
}
