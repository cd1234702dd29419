package io.cncvision.api.machine;

import io.cncvision.api.Checks;
import io.cncvision.api.value.MachineId;
import io.cncvision.api.value.Protocol;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Registers a machine the platform will hear from. */
public record RegisterMachine(@TargetAggregateIdentifier MachineId machineId, String name, Protocol protocol,
                              String endpoint) {

    public RegisterMachine {
        Checks.required("machineId", machineId);
        Checks.text("name", name, 128);
        Checks.required("protocol", protocol);
        if (endpoint != null && endpoint.length() > 512) {
            throw new IllegalArgumentException("endpoint must be at most 512 characters");
        }
    }
}
