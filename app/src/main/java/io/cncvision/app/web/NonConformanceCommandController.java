package io.cncvision.app.web;

import static io.cncvision.app.web.RequestFields.parse;

import io.cncvision.api.CommandOutcome;
import io.cncvision.api.nonconformance.ApplyContainment;
import io.cncvision.api.part.QuarantinePart;
import io.cncvision.api.value.NonConformanceId;
import io.cncvision.api.value.Serial;
import io.cncvision.app.security.SecurityConfiguration;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Commands about nonconformances (IATF 16949 8.7, 10.2): open one, contain it (and quarantine its parts), record
 * its root cause and corrective actions, sign its disposition (21 CFR Part 11 §11.50) and close it. Who acts is
 * recorded as the caller's pseudonymous user id (the people registry), never a name.
 */
@RestController
@RequestMapping("/api/v1/nonconformances")
@Tag(name = "Nonconformance commands")
@SecurityRequirement(name = SecurityConfiguration.BEARER_SCHEME)
@ApiResponse(responseCode = "404", description = "The nonconformance has not been opened (or, for containment, a serial"
        + " names no produced part)",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
public class NonConformanceCommandController {

    /** How recently a signer must have proved who they are: the signature is a fresh act, not a day-old login. */
    static final Duration SIGNATURE_AUTHENTICATION_MAX_AGE = Duration.ofMinutes(5);
    private static final String PART_AGGREGATE = "Part";
    private static final int OPEN_ATTEMPTS = 3;

    private final CommandSender commands;
    private final Clock clock;
    private final EventStore eventStore;

    NonConformanceCommandController(CommandSender commands, Clock clock, EventStore eventStore) {
        this.commands = commands;
        this.clock = clock;
        this.eventStore = eventStore;
    }

    @PostMapping
    @Operation(summary = "Report a nonconformance (IATF 16949 8.7)",
            description = "Roles: OPERATOR, QUALITY_ENGINEER, QUALITY_MANAGER, ADMIN. The server numbers it "
                    + "NCR-<yyyyMMdd>-<10 hex digits>; Location names it.")
    @ApiResponse(responseCode = "201", description = "Opened; Location names the nonconformance",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CommandResult.class)))
    public ResponseEntity<CommandResult> open(@RequestBody OpenNonConformanceRequest request) {
        Instant now = clock.instant();
        // The number is random, so a clash is unlikely; should one happen, the aggregate refuses it (or, for an
        // identical report, records nothing) and another number is drawn.
        for (int attempt = 1; ; attempt++) {
            NonConformanceId id = newId(now);
            try {
                CommandOutcome outcome = commands.send(request.toCommand(id, now), target(id.value()));
                if (outcome == CommandOutcome.RECORDED) {
                    return CommandResult.createdOrOk(outcome, id.value());
                }
            } catch (CommandRefusedException refused) {
                if (refused.status() != HttpStatus.CONFLICT || attempt >= OPEN_ATTEMPTS) {
                    throw refused;
                }
            }
            if (attempt >= OPEN_ATTEMPTS) {
                throw new CommandRefusedException(HttpStatus.SERVICE_UNAVAILABLE,
                        "no free nonconformance number was found; try again", null);
            }
        }
    }

    @PostMapping("/{nonConformanceId}/containment")
    @Operation(summary = "Contain the nonconformance: hold its suspect parts (IATF 16949 8.7.1)",
            description = "Roles: QUALITY_ENGINEER, QUALITY_MANAGER. Every serial must name a produced part, or "
                    + "nothing is recorded (404 naming the unknown ones). Each part is then quarantined under the "
                    + "nonconformance; a part already held under it records nothing.")
    @ApiResponse(responseCode = "200", description = "RECORDED or UNCHANGED, with the parts quarantined",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ContainmentResult.class)))
    @ApiResponse(responseCode = "404", description = "The nonconformance is not open, or a serial names no produced part",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "409", description = "The nonconformance is closed",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    public ResponseEntity<ContainmentResult> contain(@PathVariable String nonConformanceId,
                                                     @RequestBody ApplyContainmentRequest request) {
        NonConformanceId id = parse("nonConformanceId", nonConformanceId, NonConformanceId::of);
        Instant now = clock.instant();
        ApplyContainment command = request.toCommand(id, now);
        List<Serial> serials = List.copyOf(new LinkedHashSet<>(command.serials()));
        // Containment touches two kinds of aggregate, and no transaction spans them. So that a bad request leaves
        // nothing half-written, every serial is checked against the event store first (what the Part aggregate
        // would load, without the lag of a read model); only then is the containment recorded on the
        // nonconformance, and only once that is accepted are the parts quarantined. A part that cannot be
        // quarantined then (a concurrent change) is reported, and the same request sent again completes the
        // work: each step that is already done records nothing.
        List<String> unknown = serials.stream().filter(serial -> !isProducedPart(serial)).map(Serial::value).toList();
        if (!unknown.isEmpty()) {
            throw new CommandRefusedException(HttpStatus.NOT_FOUND, (unknown.size() == 1 ? "part " : "parts ")
                    + String.join(", ", unknown) + (unknown.size() == 1 ? " has" : " have")
                    + " not been produced; nothing was recorded", null);
        }
        CommandOutcome outcome = commands.send(command, target(nonConformanceId));
        List<String> quarantined = new ArrayList<>();
        List<String> alreadyHeld = new ArrayList<>();
        List<ContainmentResult.NotQuarantined> notQuarantined = new ArrayList<>();
        String reason = "contained under " + id + ": " + command.action();
        for (Serial serial : serials) {
            try {
                CommandOutcome held = commands.send(new QuarantinePart(serial, id, truncate(reason, 512), now),
                        CommandTarget.part(serial.value()));
                (held == CommandOutcome.RECORDED ? quarantined : alreadyHeld).add(serial.value());
            } catch (CommandRefusedException refused) {
                notQuarantined.add(new ContainmentResult.NotQuarantined(serial.value(), refused.getMessage()));
            }
        }
        return ResponseEntity.ok(new ContainmentResult(outcome, quarantined, alreadyHeld, notQuarantined));
    }

    @PostMapping("/{nonConformanceId}/root-cause")
    @Operation(summary = "Record the root cause and how it was found (IATF 16949 10.2.3)",
            description = "Roles: QUALITY_ENGINEER, QUALITY_MANAGER. The caller is recorded as recordedBy; a later "
                    + "root cause supersedes an earlier one; the same one again records nothing (UNCHANGED).")
    @ApiResponse(responseCode = "200", description = "RECORDED or UNCHANGED",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CommandResult.class)))
    @ApiResponse(responseCode = "409", description = "The nonconformance is closed",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    public ResponseEntity<CommandResult> recordRootCause(@PathVariable String nonConformanceId,
                                                         @RequestBody RecordRootCauseRequest request,
                                                         Principal caller) {
        NonConformanceId id = parse("nonConformanceId", nonConformanceId, NonConformanceId::of);
        return CommandResult.ok(commands.send(request.toCommand(id, caller.getName(), clock.instant()),
                target(nonConformanceId)));
    }

    @PostMapping("/{nonConformanceId}/corrective-action")
    @Operation(summary = "Assign a corrective action to its owner, due on a date (IATF 16949 10.2.3)",
            description = "Roles: QUALITY_ENGINEER, QUALITY_MANAGER. The same action, owner and date again records "
                    + "nothing (UNCHANGED).")
    @ApiResponse(responseCode = "200", description = "RECORDED or UNCHANGED",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CommandResult.class)))
    @ApiResponse(responseCode = "409", description = "The nonconformance is closed",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    public ResponseEntity<CommandResult> assignCorrectiveAction(@PathVariable String nonConformanceId,
                                                                @RequestBody AssignCorrectiveActionRequest request) {
        NonConformanceId id = parse("nonConformanceId", nonConformanceId, NonConformanceId::of);
        return CommandResult.ok(commands.send(request.toCommand(id, clock.instant()), target(nonConformanceId)));
    }

    @PostMapping("/{nonConformanceId}/disposition")
    @Operation(summary = "Decide the disposition under an electronic signature (21 CFR Part 11 §11.50)",
            description = "Roles: QUALITY_MANAGER. The signer is recorded by user id, and must have authenticated "
                    + "within the last 5 minutes: the token's auth_time, or else its iat, must be that recent "
                    + "(./cncvision token --user U --roles QUALITY_MANAGER --ttl 5m issues such a token). Signed once.")
    @ApiResponse(responseCode = "200", description = "RECORDED",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CommandResult.class)))
    @ApiResponse(responseCode = "401", description = "Re-authentication required: the token is older than 5 minutes",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "409", description = "The disposition is signed already, or the nonconformance is closed",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    public ResponseEntity<CommandResult> signDisposition(@PathVariable String nonConformanceId,
                                                         @RequestBody SignDispositionRequest request,
                                                         @Parameter(hidden = true) @AuthenticationPrincipal Jwt token,
                                                         Principal signer) {
        NonConformanceId id = parse("nonConformanceId", nonConformanceId, NonConformanceId::of);
        Instant now = clock.instant();
        Instant authenticatedAt = recentAuthentication(token, now);
        return CommandResult.ok(commands.send(request.toCommand(id, signer.getName(), now, authenticatedAt),
                target(nonConformanceId)));
    }

    @PostMapping("/{nonConformanceId}/close")
    @Operation(summary = "Close the nonconformance (IATF 16949 10.2.1)",
            description = "Roles: QUALITY_MANAGER. Only once its root cause, a corrective action and a signed "
                    + "disposition are recorded (409 naming what is missing); nothing changes after.")
    @ApiResponse(responseCode = "200", description = "RECORDED",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CommandResult.class)))
    @ApiResponse(responseCode = "409", description = "Something is missing, or it is closed already",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    public ResponseEntity<CommandResult> close(@PathVariable String nonConformanceId,
                                               @RequestBody CloseNonConformanceRequest request,
                                               Principal caller) {
        NonConformanceId id = parse("nonConformanceId", nonConformanceId, NonConformanceId::of);
        return CommandResult.ok(commands.send(request.toCommand(id, caller.getName(), clock.instant()),
                target(nonConformanceId)));
    }

    /**
     * When the signer last authenticated, if within {@link #SIGNATURE_AUTHENTICATION_MAX_AGE}: the token's
     * {@code auth_time} (OpenID Connect, set by an identity provider that re-authenticates), else its {@code iat}
     * (a token of our own is issued on authentication). Otherwise 401 with RFC 9470's step-up challenge.
     */
    static Instant recentAuthentication(Jwt token, Instant now) {
        Instant authenticatedAt = authTime(token);
        if (authenticatedAt == null) {
            authenticatedAt = token.getIssuedAt();
        }
        if (authenticatedAt != null && authenticatedAt.isAfter(now)) {
            // A few seconds of clock skew between issuer and server: the signer authenticated "now".
            authenticatedAt = authenticatedAt.isAfter(now.plusSeconds(60)) ? null : now;
        }
        if (authenticatedAt == null || authenticatedAt.isBefore(now.minus(SIGNATURE_AUTHENTICATION_MAX_AGE))) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
                    "an electronic signature needs a token issued within the last 5 minutes"
                            + (authenticatedAt == null ? " (this one says neither auth_time nor iat)"
                            : " (this one authenticated at " + authenticatedAt + ")")
                            + "; authenticate again and sign with the new token, e.g. "
                            + "./cncvision token --user " + token.getSubject() + " --roles QUALITY_MANAGER --ttl 5m");
            problem.setTitle("Re-authentication required");
            ErrorResponseException refusal = new ErrorResponseException(HttpStatus.UNAUTHORIZED, problem, null);
            refusal.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"insufficient_user_authentication\", "
                    + "error_description=\"A more recent authentication is required\", max_age=\""
                    + SIGNATURE_AUTHENTICATION_MAX_AGE.toSeconds() + "\"");
            throw refusal;
        }
        return authenticatedAt;
    }

    private static Instant authTime(Jwt token) {
        Object value = token.getClaims().get("auth_time");
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof Date date) {
            return date.toInstant();
        }
        if (value instanceof Number seconds) {
            return Instant.ofEpochSecond(seconds.longValue());
        }
        return null;
    }

    /** True if the serial names a Part in the event store, whatever its snapshots. */
    private boolean isProducedPart(Serial serial) {
        DomainEventStream events = eventStore.readEvents(serial.value());
        if (!events.hasNext()) {
            return false;
        }
        DomainEventMessage<?> first = events.peek();
        return PART_AGGREGATE.equals(first.getType());
    }

    private static NonConformanceId newId(Instant now) {
        return NonConformanceId.next(now);
    }

    private static CommandTarget target(String nonConformanceId) {
        return CommandTarget.nonConformance(nonConformanceId);
    }

    private static String truncate(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length);
    }
}
