package io.cncvision.app.web;

import static io.cncvision.app.web.RequestFields.parseOptional;

import io.cncvision.api.machine.ClearAlarm;
import io.cncvision.api.value.MachineId;
import io.cncvision.api.value.SourceMessageId;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** Body of {@code POST /api/v1/machines/{machineId}/alarms/{alarmCode}/clear}; it may be left out. */
public record ClearAlarmRequest(
        @Schema(description = "When the alarm cleared; now if absent", example = "2026-11-25T10:05:00Z") Instant observedAt,
        @Schema(description = "The adapter's message id; a repeated one records nothing") String sourceMessageId) {

    static final ClearAlarmRequest EMPTY = new ClearAlarmRequest(null, null);

    ClearAlarm toCommand(MachineId machineId, String alarmCode, Instant now) {
        return new ClearAlarm(machineId, alarmCode, observedAt != null ? observedAt : now,
                parseOptional("sourceMessageId", sourceMessageId, SourceMessageId::of));
    }
}
