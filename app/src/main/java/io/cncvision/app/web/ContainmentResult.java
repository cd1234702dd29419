package io.cncvision.app.web;

import io.cncvision.api.CommandOutcome;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** The answer to a containment: what it recorded on the nonconformance, and which parts are now held. */
public record ContainmentResult(
        @Schema(description = "RECORDED: parts newly held or a new action; UNCHANGED: all were held already")
        CommandOutcome outcome,
        @Schema(description = "Parts quarantined by this request") List<String> quarantined,
        @Schema(description = "Parts that were held under this nonconformance already, or are scrapped")
        List<String> alreadyHeld,
        @Schema(description = "Parts that could not be quarantined, and why; send the same request again")
        List<NotQuarantined> notQuarantined) {

    /** A part that could not be quarantined. */
    public record NotQuarantined(String serial, String reason) {
    }
}
