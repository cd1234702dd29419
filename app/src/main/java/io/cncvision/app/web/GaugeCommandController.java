package io.cncvision.app.web;

import static io.cncvision.app.web.RequestFields.parse;

import io.cncvision.api.CommandOutcome;
import io.cncvision.api.gauge.RegisterGauge;
import io.cncvision.api.value.CalibrationId;
import io.cncvision.api.value.GaugeId;
import io.cncvision.app.security.SecurityConfiguration;
import io.cncvision.vision.calibration.CalibrationTarget;
import io.cncvision.vision.calibration.CameraCalibration;
import io.cncvision.vision.calibration.TargetCalibrator;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.security.Principal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Commands about gauges: record a camera's calibration, computed here from views of a target or brought as figures. */
@RestController
@RequestMapping("/api/v1/gauges")
@Tag(name = "Gauge commands")
@SecurityRequirement(name = SecurityConfiguration.BEARER_SCHEME)
@ApiResponse(responseCode = "404", description = "The gauge is not registered",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "409", description = "The gauge is not a camera, or the calibration id names a calibration "
        + "that has been superseded",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
public class GaugeCommandController {

    private static final String ROLES = "Roles: QUALITY_ENGINEER, QUALITY_MANAGER, ADMIN. ";

    private final CommandSender commands;
    private final Clock clock;

    GaugeCommandController(CommandSender commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Register a gauge whose measurements the platform will record (IATF 16949 7.1.5)",
            description = ROLES + "A gauge registered again as the same kind records nothing (UNCHANGED); cameras"
                    + " configured under cncvision.vision are registered when the platform starts.")
    @ApiResponse(responseCode = "200", description = "RECORDED or UNCHANGED",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CommandResult.class)))
    public ResponseEntity<CommandResult> register(@RequestBody RegisterGaugeRequest request) {
        RegisterGauge command = request.toCommand();
        return CommandResult.ok(commands.send(command, CommandTarget.gauge(command.gaugeId().value())));
    }

    @PostMapping(path = "/{gaugeId}/calibrations", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Calibrate a camera from views of a target and record the calibration (GaugeCalibrated)",
            description = ROLES + "The target is found in each view (a chessboard's inner corners or a circle grid's "
                    + "centres), the camera matrix and lens distortion are fitted with OpenCV's calibrateCamera, and the "
                    + "millimetres per pixel are measured on the plane view. At least 3 views must show the target. "
                    + "Recorded as calibrated by the caller, now. The current calibration's id again records nothing "
                    + "(DUPLICATE).")
    @ApiResponse(responseCode = "200", description = "RECORDED or DUPLICATE, with the figures",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = CameraCalibrationResult.class)))
    @ApiResponse(responseCode = "400", description = "A bad target spec or calibration id, a file that is not an image "
            + "(named), or a target found in too few views or not on the plane view",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    public ResponseEntity<CameraCalibrationResult> calibrate(
            @PathVariable String gaugeId,
            @Parameter(description = CalibrationTarget.SPEC_FORM, example = "chessboard:9x6:5.0")
            @RequestParam("target") String target,
            @Parameter(description = "The calibration's id, which every measurement made with it names",
                    example = "cam-1-2026-11-25")
            @RequestParam("calibrationId") String calibrationId,
            @Parameter(description = "Views of the target in varied poses, filling much of the image (PNG, BMP, JPEG)")
            @RequestPart("view") List<MultipartFile> views,
            @Parameter(description = "A view of the target lying on the working plane")
            @RequestPart("plane") MultipartFile plane,
            Principal calibratedBy) {
        GaugeId camera = parse("gaugeId", gaugeId, GaugeId::of);
        CalibrationTarget calibrationTarget = parse("target", target, CalibrationTarget::parse);
        CalibrationId id = parse("calibrationId", calibrationId, CalibrationId::of);
        List<BufferedImage> images = new ArrayList<>(views.size());
        for (MultipartFile view : views) {
            images.add(image("view", view));
        }
        CameraCalibration calibration = new TargetCalibrator(calibrationTarget).calibrate(images, image("plane", plane));
        CommandOutcome outcome = commands.send(calibration.toCommand(camera, id, clock.instant(), calibratedBy.getName()),
                CommandTarget.gauge(gaugeId));
        return ResponseEntity.ok(CameraCalibrationResult.of(outcome, calibrationId, calibration, views.size()));
    }

    @PostMapping(path = "/{gaugeId}/calibrations", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record a camera calibration made elsewhere (GaugeCalibrated)",
            description = ROLES + "The figures as `cncvision vision calibrate` prints them. Recorded as calibrated by "
                    + "the caller, now. The current calibration's id again records nothing (DUPLICATE).")
    @ApiResponse(responseCode = "200", description = "RECORDED or DUPLICATE",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CommandResult.class)))
    public ResponseEntity<CommandResult> record(@PathVariable String gaugeId,
                                                @RequestBody RecordCameraCalibrationRequest request,
                                                Principal calibratedBy) {
        GaugeId camera = parse("gaugeId", gaugeId, GaugeId::of);
        return CommandResult.ok(commands.send(request.toCommand(camera, clock.instant(), calibratedBy.getName()),
                CommandTarget.gauge(gaugeId)));
    }

    /** The uploaded file as an image; a file that is empty or not an image is refused, naming it. */
    private static BufferedImage image(String part, MultipartFile file) {
        String name = part + " '" + (file.getOriginalFilename() != null ? file.getOriginalFilename() : file.getName()) + "'";
        if (file.isEmpty()) {
            throw new InvalidFieldException(part, name + " is an empty file");
        }
        BufferedImage image;
        try (InputStream in = file.getInputStream()) {
            image = ImageIO.read(in);
        } catch (IOException | RuntimeException e) {
            // ImageIO reports a truncated PNG as an EOFException or an IIOException, some decoders as a runtime exception.
            throw new InvalidFieldException(part, name + " is an unreadable or truncated image: " + e.getMessage());
        }
        if (image == null) {
            throw new InvalidFieldException(part, name + " is not an image in a format this server reads (PNG, BMP, JPEG, GIF)");
        }
        return image;
    }
}
