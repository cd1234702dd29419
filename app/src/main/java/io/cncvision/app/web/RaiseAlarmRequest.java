package io.cncvision.app.web;

import static io.cncvision.app.web.RequestFields.constant;
import static io.cncvision.app.web.RequestFields.parseOptional;

import io.cncvision.api.machine.AlarmSeverity;
import io.cncvision.api.machine.RaiseAlarm;
import io.cncvision.api.value.MachineId;
import io.cncvision.api.value.SourceMessageId;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** Body of {@code POST /api/v1/machines/{machineId}/alarms}. */
public record RaiseAlarmRequest(
        @Schema(example = "SP-1021", requiredMode = Schema.RequiredMode.REQUIRED) String alarmCode,
        @Schema(example = "FAULT", implementation = AlarmSeverity.class, requiredMode = Schema.RequiredMode.REQUIRED)
        String severity,
        @Schema(example = "Spindle overload") String message,
        @Schema(description = "When the alarm was raised; now if absent", example = "2026-11-25T10:00:00Z")
        Instant observedAt,
        @Schema(description = "The adapter's message id; a repeated one records nothing") String sourceMessageId) {

    RaiseAlarm toCommand(MachineId machineId, Instant now) {
        return new RaiseAlarm(machineId, alarmCode, constant("severity", severity, AlarmSeverity.class), message,
                observedAt != null ? observedAt : now, parseOptional("sourceMessageId", sourceMessageId, SourceMessageId::of));
    }
}
