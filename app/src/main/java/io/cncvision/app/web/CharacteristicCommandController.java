package io.cncvision.app.web;

import static io.cncvision.app.web.RequestFields.parse;

import io.cncvision.app.security.SecurityConfiguration;
import io.cncvision.api.characteristic.DefineCharacteristic;
import io.cncvision.api.value.CharacteristicId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.time.Clock;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Commands about the control plan: define a characteristic, revise its specification, record a measured value. */
@RestController
@RequestMapping("/api/v1/characteristics")
@Tag(name = "Characteristic commands")
@SecurityRequirement(name = SecurityConfiguration.BEARER_SCHEME)
@ApiResponse(responseCode = "404", description = "The characteristic is not defined",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
public class CharacteristicCommandController {

    private final CommandSender commands;
    private final Clock clock;

    CharacteristicCommandController(CommandSender commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    @PostMapping
    @Operation(summary = "Define a characteristic (one line of a control plan)",
            description = "Roles: QUALITY_ENGINEER, QUALITY_MANAGER, ADMIN.")
    @ApiResponse(responseCode = "201", description = "Defined; Location names the characteristic",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CommandResult.class)))
    @ApiResponse(responseCode = "409", description = "A characteristic with this id already exists",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    public ResponseEntity<CommandResult> define(@RequestBody DefineCharacteristicRequest request) {
        DefineCharacteristic command = request.toCommand();
        String characteristicId = command.characteristicId().value();
        return CommandResult.createdOrOk(commands.send(command, CommandTarget.characteristic(characteristicId)),
                characteristicId);
    }

    @PostMapping("/{characteristicId}/control-limits")
    @Operation(summary = "Establish control limits from recorded subgroups (phase I), approved by the caller",
            description = "Roles: QUALITY_ENGINEER, QUALITY_MANAGER, ADMIN. Limits are computed from the named "
                    + "subgroups, never typed in; later subgroups are judged against them by the chosen run rules. "
                    + "EWMA takes parameters lambda (0.2) and L (3), CUSUM k (0.5) and h (4); other charts none.")
    @ApiResponse(responseCode = "200", description = "RECORDED",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CommandResult.class)))
    public ResponseEntity<CommandResult> establishControlLimits(@PathVariable String characteristicId,
                                                                @RequestBody EstablishControlLimitsRequest request,
                                                                Principal approver) {
        CharacteristicId id = parse("characteristicId", characteristicId, CharacteristicId::of);
        return CommandResult.ok(commands.send(request.toCommand(id, approver.getName()),
                CommandTarget.characteristic(characteristicId)));
    }

    @PostMapping("/{characteristicId}/compensation")
    @Operation(summary = "Set the reaction plan by which a tool offset corrects the characteristic's drift",
            description = "Roles: QUALITY_ENGINEER, QUALITY_MANAGER, ADMIN. On an out-of-control signal of the "
                    + "plotted mean, the offset moves the level back to the chart's centre line within the plan's "
                    + "step and total; the next subgroups verify it; a refusal, a missing confirmation or the last "
                    + "attempt failing opens a nonconformance and puts the machine on hold. The same plan again "
                    + "records nothing.")
    @ApiResponse(responseCode = "200", description = "RECORDED or UNCHANGED",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CommandResult.class)))
    public ResponseEntity<CommandResult> planCompensation(@PathVariable String characteristicId,
                                                          @RequestBody PlanCompensationRequest request,
                                                          Principal approver) {
        CharacteristicId id = parse("characteristicId", characteristicId, CharacteristicId::of);
        return CommandResult.ok(commands.send(request.toCommand(id, approver.getName()),
                CommandTarget.characteristic(characteristicId)));
    }

    @PostMapping("/{characteristicId}/specification")
    @Operation(summary = "Revise the characteristic's specification",
            description = "Roles: QUALITY_ENGINEER, QUALITY_MANAGER, ADMIN. The unit cannot change; "
                    + "the same specification again records nothing (UNCHANGED).")
    @ApiResponse(responseCode = "200", description = "RECORDED or UNCHANGED",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CommandResult.class)))
    public ResponseEntity<CommandResult> reviseSpecification(@PathVariable String characteristicId,
                                                             @RequestBody ReviseSpecificationRequest request) {
        CharacteristicId id = parse("characteristicId", characteristicId, CharacteristicId::of);
        return CommandResult.ok(commands.send(request.toCommand(id), CommandTarget.characteristic(characteristicId)));
    }

    @PostMapping("/{characteristicId}/measurements")
    @Operation(summary = "Record a measured value of the characteristic",
            description = "Roles: MACHINE, OPERATOR, QUALITY_ENGINEER, QUALITY_MANAGER, ADMIN. "
                    + "A repeated sourceMessageId records nothing (DUPLICATE).")
    @ApiResponse(responseCode = "200", description = "RECORDED or DUPLICATE",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CommandResult.class)))
    public ResponseEntity<CommandResult> recordMeasurement(@PathVariable String characteristicId,
                                                           @RequestBody RecordMeasurementRequest request) {
        CharacteristicId id = parse("characteristicId", characteristicId, CharacteristicId::of);
        return CommandResult.ok(commands.send(request.toCommand(id, clock.instant()),
                CommandTarget.characteristic(characteristicId)));
    }

    @PostMapping("/{characteristicId}/counts")
    @Operation(summary = "Record an attribute sample of a p, np, c or u chart: a count in a sample of a size",
            description = "Roles: MACHINE, OPERATOR, QUALITY_ENGINEER, QUALITY_MANAGER, ADMIN. Each sample is one "
                    + "point; np and c charts need every sample the size of the first. "
                    + "A repeated sourceMessageId records nothing (DUPLICATE).")
    @ApiResponse(responseCode = "200", description = "RECORDED or DUPLICATE",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CommandResult.class)))
    public ResponseEntity<CommandResult> recordCount(@PathVariable String characteristicId,
                                                     @RequestBody RecordCountRequest request) {
        CharacteristicId id = parse("characteristicId", characteristicId, CharacteristicId::of);
        return CommandResult.ok(commands.send(request.toCommand(id, clock.instant()),
                CommandTarget.characteristic(characteristicId)));
    }
}
