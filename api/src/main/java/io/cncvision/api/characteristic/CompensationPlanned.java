package io.cncvision.api.characteristic;

import io.cncvision.api.value.CharacteristicId;
import org.axonframework.serialization.Revision;

/** The characteristic's drift is corrected by the plan's tool offset from now on. */
@Revision("1")
public record CompensationPlanned(CharacteristicId characteristicId, CompensationPlan plan, String approvedBy) {
}
