package io.cncvision.app.web;

import static io.cncvision.app.web.RequestFields.parse;

import io.cncvision.app.security.SecurityConfiguration;
import io.cncvision.api.value.GaugeId;
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

/**
 * Calibration certificates of gauges of any kind (IATF 16949 7.1.5.2); the calibration saga expires each at its
 * due date unless a newer one replaces it.
 */
@RestController
@RequestMapping("/api/v1/gauges")
@Tag(name = "Gauge certification")
@SecurityRequirement(name = SecurityConfiguration.BEARER_SCHEME)
@ApiResponse(responseCode = "404", description = "The gauge is not registered",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
public class GaugeCertificationController {

    private final CommandSender commands;
    private final Clock clock;

    GaugeCertificationController(CommandSender commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    @PostMapping("/{gaugeId}/certifications")
    @Operation(summary = "Record a gauge's calibration certificate",
            description = "Roles: QUALITY_ENGINEER, QUALITY_MANAGER, ADMIN. The latest certificate is in force: "
                    + "CALIBRATED until dueAt, FAILED when left FAILED. The same calibrationId again records nothing "
                    + "(DUPLICATE); a superseded one is refused (409).")
    @ApiResponse(responseCode = "200", description = "RECORDED or DUPLICATE",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CommandResult.class)))
    @ApiResponse(responseCode = "409", description = "The calibrationId names a superseded certificate",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    public ResponseEntity<CommandResult> certify(@PathVariable String gaugeId,
                                                 @RequestBody RecordGaugeCalibrationRequest request, Principal caller) {
        GaugeId id = parse("gaugeId", gaugeId, GaugeId::of);
        return CommandResult.ok(commands.send(request.toCommand(id, caller.getName(), clock.instant()),
                CommandTarget.gauge(gaugeId)));
    }
}
