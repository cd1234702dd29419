package io.cncvision.app.web;

import static io.cncvision.app.web.RequestFields.parse;

import io.cncvision.api.machine.RegisterMachine;
import io.cncvision.api.value.MachineId;
import io.cncvision.api.value.Protocol;
import io.swagger.v3.oas.annotations.media.Schema;

/** Body of {@code POST /api/v1/machines}. */
public record RegisterMachineRequest(
        @Schema(example = "mill-01", requiredMode = Schema.RequiredMode.REQUIRED) String machineId,
        @Schema(example = "Lathe 1", requiredMode = Schema.RequiredMode.REQUIRED) String name,
        @Schema(example = "opcua", allowableValues = {"opcua", "modbus", "mtconnect", "manual"},
                requiredMode = Schema.RequiredMode.REQUIRED) String protocol,
        @Schema(example = "opc.tcp://127.0.0.1:4840") String endpoint) {

    RegisterMachine toCommand() {
        return new RegisterMachine(parse("machineId", machineId, MachineId::of), name,
                parse("protocol", protocol, Protocol::fromCode), endpoint);
    }
}
