package io.cncvision.app.web;

import static io.cncvision.app.web.RequestFields.parse;

import io.cncvision.app.security.SecurityConfiguration;
import io.cncvision.api.value.WorkOrderId;
import io.cncvision.api.workorder.ScheduleWorkOrder;
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
 * Maintenance work orders: schedule one, start it (the machine goes into maintenance), complete it (the machine
 * comes back). The maintenance saga records one overdue that misses its due or its completion allowance.
 */
@RestController
@RequestMapping("/api/v1/work-orders")
@Tag(name = "Work order commands")
@SecurityRequirement(name = SecurityConfiguration.BEARER_SCHEME)
@ApiResponse(responseCode = "404", description = "The work order is not scheduled",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
public class WorkOrderCommandController {

    private final CommandSender commands;
    private final Clock clock;

    WorkOrderCommandController(CommandSender commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    @PostMapping
    @Operation(summary = "Schedule a work order", description = "Roles: MAINTENANCE, ADMIN.")
    @ApiResponse(responseCode = "201", description = "Scheduled; Location names the work order",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CommandResult.class)))
    @ApiResponse(responseCode = "409", description = "A work order with this id already exists",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    public ResponseEntity<CommandResult> schedule(@RequestBody ScheduleWorkOrderRequest request) {
        ScheduleWorkOrder command = request.toCommand(clock.instant());
        String id = command.workOrderId().value();
        return CommandResult.createdOrOk(commands.send(command, CommandTarget.workOrder(id)), id);
    }

    @PostMapping("/{workOrderId}/start")
    @Operation(summary = "Start a scheduled work order",
            description = "Roles: MAINTENANCE, ADMIN. The body may be left out. Starting it again records nothing "
                    + "(UNCHANGED); a completed one cannot start (409).")
    @ApiResponse(responseCode = "200", description = "RECORDED or UNCHANGED",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CommandResult.class)))
    public ResponseEntity<CommandResult> start(@PathVariable String workOrderId,
                                               @RequestBody(required = false) StartWorkOrderRequest request,
                                               Principal caller) {
        WorkOrderId id = parse("workOrderId", workOrderId, WorkOrderId::of);
        StartWorkOrderRequest body = request != null ? request : StartWorkOrderRequest.EMPTY;
        return CommandResult.ok(commands.send(body.toCommand(id, caller.getName(), clock.instant()),
                CommandTarget.workOrder(workOrderId)));
    }

    @PostMapping("/{workOrderId}/complete")
    @Operation(summary = "Complete a started work order",
            description = "Roles: MAINTENANCE, ADMIN. The body may be left out. A work order not started cannot "
                    + "complete (409); completing it again records nothing (UNCHANGED).")
    @ApiResponse(responseCode = "200", description = "RECORDED or UNCHANGED",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CommandResult.class)))
    public ResponseEntity<CommandResult> complete(@PathVariable String workOrderId,
                                                  @RequestBody(required = false) CompleteWorkOrderRequest request,
                                                  Principal caller) {
        WorkOrderId id = parse("workOrderId", workOrderId, WorkOrderId::of);
        CompleteWorkOrderRequest body = request != null ? request : CompleteWorkOrderRequest.EMPTY;
        return CommandResult.ok(commands.send(body.toCommand(id, caller.getName(), clock.instant()),
                CommandTarget.workOrder(workOrderId)));
    }
}
