package io.cncvision.api.characteristic;

import io.cncvision.api.value.CharacteristicId;
import io.cncvision.api.value.Serial;
import io.cncvision.api.value.Specification;
import io.cncvision.api.value.SourceMessageId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A measured value lies outside the specification limits. */
@Revision("1")
public record OutOfSpecificationDetected(CharacteristicId characteristicId, double value, Serial partSerial,
                                         Specification specification, Instant observedAt,
                                         SourceMessageId sourceMessageId) {
}
