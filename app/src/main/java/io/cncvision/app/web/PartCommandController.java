package io.cncvision.app.web;

import static io.cncvision.app.web.RequestFields.parse;

import io.cncvision.app.security.SecurityConfiguration;
import io.cncvision.api.part.ProducePart;
import io.cncvision.api.value.Serial;
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

/** Commands about parts, the unit of traceability: produce one, record an inspection, decide its disposition. */
@RestController
@RequestMapping("/api/v1/parts")
@Tag(name = "Part commands")
@SecurityRequirement(name = SecurityConfiguration.BEARER_SCHEME)
public class PartCommandController {

    private final CommandSender commands;
    private final Clock clock;

    PartCommandController(CommandSender commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    @PostMapping
    @Operation(summary = "Record that a machine produced a part",
            description = "Roles: MACHINE, OPERATOR, ADMIN. A repeated sourceMessageId records nothing (200, DUPLICATE).")
    @ApiResponse(responseCode = "201", description = "Produced; Location names the part",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CommandResult.class)))
    @ApiResponse(responseCode = "200", description = "DUPLICATE: this sourceMessageId was recorded before",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CommandResult.class)))
    @ApiResponse(responseCode = "409", description = "The serial was already produced",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    public ResponseEntity<CommandResult> produce(@RequestBody ProducePartRequest request) {
        ProducePart command = request.toCommand(clock.instant());
        String serial = command.serial().value();
        return CommandResult.createdOrOk(commands.send(command, CommandTarget.part(serial)), serial);
    }

    @PostMapping("/{serial}/inspections")
    @Operation(summary = "Record the verdict of an inspection of the part",
            description = "Roles: MACHINE, OPERATOR, QUALITY_ENGINEER, QUALITY_MANAGER, ADMIN.")
    @ApiResponse(responseCode = "200", description = "RECORDED or DUPLICATE",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CommandResult.class)))
    @ApiResponse(responseCode = "404", description = "The part has not been produced",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    public ResponseEntity<CommandResult> recordInspection(@PathVariable String serial,
                                                          @RequestBody RecordInspectionRequest request) {
        Serial id = parse("serial", serial, Serial::of);
        return CommandResult.ok(commands.send(request.toCommand(id, clock.instant()), CommandTarget.part(serial)));
    }

    @PostMapping("/{serial}/disposition")
    @Operation(summary = "Decide what becomes of the part (IATF 16949 8.7.1)",
            description = "Roles: QUALITY_ENGINEER, QUALITY_MANAGER. The same disposition again records nothing "
                    + "(UNCHANGED); a scrapped part's disposition is final (409).")
    @ApiResponse(responseCode = "200", description = "RECORDED or UNCHANGED",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CommandResult.class)))
    @ApiResponse(responseCode = "404", description = "The part has not been produced",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "409", description = "The part is scrapped; its disposition is final",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    public ResponseEntity<CommandResult> disposition(@PathVariable String serial,
                                                     @RequestBody DispositionPartRequest request) {
        Serial id = parse("serial", serial, Serial::of);
        return CommandResult.ok(commands.send(request.toCommand(id), CommandTarget.part(serial)));
    }
}
