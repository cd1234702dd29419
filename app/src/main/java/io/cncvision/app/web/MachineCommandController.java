package io.cncvision.app.web;

import static io.cncvision.app.web.RequestFields.parse;

import io.cncvision.app.security.SecurityConfiguration;
import io.cncvision.api.machine.RegisterMachine;
import io.cncvision.api.value.MachineId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Commands about machines: register one, and report what its controller shows (state, alarms, cycles). */
@RestController
@RequestMapping("/api/v1/machines")
@Tag(name = "Machine commands")
@SecurityRequirement(name = SecurityConfiguration.BEARER_SCHEME)
@ApiResponse(responseCode = "404", description = "The machine is not registered",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
public class MachineCommandController {

    private final CommandSender commands;
    private final Clock clock;

    MachineCommandController(CommandSender commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    @PostMapping
    @Operation(summary = "Register a machine", description = "Roles: ADMIN, QUALITY_MANAGER.")
    @ApiResponse(responseCode = "201", description = "Registered; Location names the machine",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CommandResult.class)))
    @ApiResponse(responseCode = "409", description = "A machine with this id already exists",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    public ResponseEntity<CommandResult> register(@RequestBody RegisterMachineRequest request) {
        RegisterMachine command = request.toCommand();
        String machineId = command.machineId().value();
        return CommandResult.createdOrOk(commands.send(command, CommandTarget.machine(machineId)), machineId);
    }

    @PostMapping("/{machineId}/state")
    @Operation(summary = "Report the machine's execution state",
            description = "Roles: MACHINE, OPERATOR, ADMIN. A state equal to the current one records nothing (UNCHANGED).")
    @ApiResponse(responseCode = "200", description = "RECORDED, DUPLICATE or UNCHANGED",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CommandResult.class)))
    public ResponseEntity<CommandResult> reportState(@PathVariable String machineId,
                                                     @RequestBody ReportMachineStateRequest request) {
        MachineId id = parse("machineId", machineId, MachineId::of);
        return CommandResult.ok(commands.send(request.toCommand(id, clock.instant()), CommandTarget.machine(machineId)));
    }

    @PostMapping("/{machineId}/alarms")
    @Operation(summary = "Raise an alarm on the machine",
            description = "Roles: MACHINE, OPERATOR, ADMIN. An alarm already active records nothing (UNCHANGED).")
    @ApiResponse(responseCode = "200", description = "RECORDED, DUPLICATE or UNCHANGED",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CommandResult.class)))
    public ResponseEntity<CommandResult> raiseAlarm(@PathVariable String machineId, @RequestBody RaiseAlarmRequest request) {
        MachineId id = parse("machineId", machineId, MachineId::of);
        return CommandResult.ok(commands.send(request.toCommand(id, clock.instant()), CommandTarget.machine(machineId)));
    }

    @PostMapping("/{machineId}/alarms/{alarmCode}/clear")
    @Operation(summary = "Clear an alarm of the machine",
            description = "Roles: MACHINE, OPERATOR, ADMIN. The body may be left out. "
                    + "An alarm that is not active records nothing (UNCHANGED).")
    @ApiResponse(responseCode = "200", description = "RECORDED, DUPLICATE or UNCHANGED",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CommandResult.class)))
    public ResponseEntity<CommandResult> clearAlarm(@PathVariable String machineId, @PathVariable String alarmCode,
                                                    @RequestBody(required = false) ClearAlarmRequest request) {
        MachineId id = parse("machineId", machineId, MachineId::of);
        ClearAlarmRequest body = request != null ? request : ClearAlarmRequest.EMPTY;
        return CommandResult.ok(commands.send(body.toCommand(id, alarmCode, clock.instant()), CommandTarget.machine(machineId)));
    }

    @PostMapping("/{machineId}/cycles")
    @Operation(summary = "Report a completed machining cycle", description = "Roles: MACHINE, OPERATOR, ADMIN.")
    @ApiResponse(responseCode = "200", description = "RECORDED or DUPLICATE",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CommandResult.class)))
    public ResponseEntity<CommandResult> completeCycle(@PathVariable String machineId,
                                                       @RequestBody CompleteCycleRequest request) {
        MachineId id = parse("machineId", machineId, MachineId::of);
        return CommandResult.ok(commands.send(request.toCommand(id, clock.instant()), CommandTarget.machine(machineId)));
    }
}
