package io.cncvision.api.characteristic;

import io.cncvision.api.value.CharacteristicId;
import io.cncvision.api.value.NonConformanceId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The reaction to an out-of-control signal by tool offset ended; as {@link ConcludeCompensation}. */
@Revision("1")
public record CompensationConcluded(CharacteristicId characteristicId, long signalSubgroup, CompensationOutcome outcome,
                                    int corrections, double totalCorrectionMm, NonConformanceId nonConformanceId,
                                    String detail, Instant concludedAt) {
}
