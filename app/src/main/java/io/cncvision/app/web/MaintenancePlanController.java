package io.cncvision.app.web;

import static io.cncvision.app.web.RequestFields.parse;

import io.cncvision.app.security.SecurityConfiguration;
import io.cncvision.api.value.MachineId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A machine's maintenance plan and the failure predictions measured against it: a prediction below the plan's
 * threshold for its component schedules a work order.
 */
@RestController
@RequestMapping("/api/v1/machines")
@Tag(name = "Maintenance plan commands")
@SecurityRequirement(name = SecurityConfiguration.BEARER_SCHEME)
public class MaintenancePlanController {

    private final CommandSender commands;
    private final Clock clock;

    MaintenancePlanController(CommandSender commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    @PostMapping("/{machineId}/maintenance-plan")
    @Operation(summary = "Set the remaining useful life below which a component gets a work order",
            description = "Roles: MAINTENANCE, ADMIN. The same threshold again records nothing (UNCHANGED).")
    @ApiResponse(responseCode = "200", description = "RECORDED or UNCHANGED",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CommandResult.class)))
    public ResponseEntity<CommandResult> setPlan(@PathVariable String machineId,
                                                 @RequestBody SetMaintenancePlanRequest request) {
        MachineId id = parse("machineId", machineId, MachineId::of);
        return CommandResult.ok(commands.send(request.toCommand(id, clock.instant()),
                CommandTarget.maintenancePlan(machineId)));
    }

    @PostMapping("/{machineId}/predictions")
    @Operation(summary = "Record a failure model's prediction of a component's remaining useful life",
            description = "Roles: MACHINE, MAINTENANCE, ADMIN. Recorded with or without a plan; below the plan's "
                    + "threshold it schedules a work order.")
    @ApiResponse(responseCode = "200", description = "RECORDED",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CommandResult.class)))
    public ResponseEntity<CommandResult> recordPrediction(@PathVariable String machineId,
                                                          @RequestBody RecordMaintenancePredictionRequest request) {
        MachineId id = parse("machineId", machineId, MachineId::of);
        return CommandResult.ok(commands.send(request.toCommand(id, clock.instant()),
                CommandTarget.maintenancePlan(machineId)));
    }
}
