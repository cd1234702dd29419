package io.cncvision.app.web;

import static io.cncvision.app.web.RequestFields.parse;

import io.cncvision.api.nonconformance.AssignCorrectiveAction;
import io.cncvision.api.value.NonConformanceId;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Body of {@code POST /api/v1/nonconformances/{id}/corrective-action} (IATF 16949 10.2.3). */
public record AssignCorrectiveActionRequest(
        @Schema(example = "Tool life of T12 lowered to 400 parts", requiredMode = Schema.RequiredMode.REQUIRED)
        String action,
        @Schema(description = "The owner's pseudonymous user id, as GET /api/v1/people lists it", example = "u-0815",
                requiredMode = Schema.RequiredMode.REQUIRED)
        String ownerId,
        @Schema(description = "ISO-8601 date", example = "2026-12-01", requiredMode = Schema.RequiredMode.REQUIRED)
        String dueOn) {

    AssignCorrectiveAction toCommand(NonConformanceId id, Instant now) {
        return new AssignCorrectiveAction(id, action, ownerId, parse("dueOn", dueOn, AssignCorrectiveActionRequest::date),
                now);
    }

    private static LocalDate date(String raw) {
        try {
            return LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("dueOn '" + raw + "' must be an ISO-8601 date such as 2026-12-01");
        }
    }
}
