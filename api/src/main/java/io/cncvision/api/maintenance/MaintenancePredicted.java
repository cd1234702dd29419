package io.cncvision.api.maintenance;

import io.cncvision.api.value.MachineId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A model predicted a component's remaining useful life. {@code thresholdHours} is the plan's threshold for the
 * component when the prediction was recorded, null without one; {@code belowThreshold} says the prediction fell
 * below it, which asks for a work order.
 */
@Revision("1")
public record MaintenancePredicted(MachineId machineId, String component, double remainingLifeHours,
                                   Double thresholdHours, boolean belowThreshold, Instant predictedAt,
                                   String modelVersion) {
}
