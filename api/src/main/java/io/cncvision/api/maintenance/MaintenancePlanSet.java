package io.cncvision.api.maintenance;

import io.cncvision.api.value.MachineId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A machine's maintenance plan now schedules work on {@code component} below this remaining useful life. */
@Revision("1")
public record MaintenancePlanSet(MachineId machineId, String component, double remainingLifeThresholdHours,
                                 Instant setAt) {
}
