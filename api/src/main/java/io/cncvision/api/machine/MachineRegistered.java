package io.cncvision.api.machine;

import io.cncvision.api.value.MachineId;
import io.cncvision.api.value.Protocol;
import org.axonframework.serialization.Revision;

/** A machine was registered. */
@Revision("1")
public record MachineRegistered(MachineId machineId, String name, Protocol protocol, String endpoint) {
}
