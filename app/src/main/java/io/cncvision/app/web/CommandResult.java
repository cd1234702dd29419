package io.cncvision.app.web;

import io.cncvision.api.CommandOutcome;
import io.swagger.v3.oas.annotations.media.Schema;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The answer to a command: what it recorded. */
public record CommandResult(
        @Schema(description = "RECORDED: new events were recorded; DUPLICATE: the sourceMessageId was seen before, "
                + "nothing recorded; UNCHANGED: the command reported what is already true, nothing recorded")
        CommandOutcome outcome) {

    /** 200 with the outcome. */
    static ResponseEntity<CommandResult> ok(CommandOutcome outcome) {
        return ResponseEntity.ok(new CommandResult(outcome));
    }

    /** 201 with a Location of {@code <request URI>/<id>} when the command created something, else 200. */
    static ResponseEntity<CommandResult> createdOrOk(CommandOutcome outcome, String id) {
        if (outcome != CommandOutcome.RECORDED) {
            return ok(outcome);
        }
        URI location = ServletUriComponentsBuilder.fromCurrentRequestUri().pathSegment(id).build().toUri();
        return ResponseEntity.created(location).body(new CommandResult(outcome));
    }
}
