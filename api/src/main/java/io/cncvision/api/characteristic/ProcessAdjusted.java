package io.cncvision.api.characteristic;

import io.cncvision.api.value.CharacteristicId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The process was adjusted at {@code adjustedAt}, after subgroup {@code lastSubgroup}; the run rules judge afresh
 * from the first subgroup completed by a value observed at {@code effectiveFrom} or later.
 */
@Revision("1")
public record ProcessAdjusted(CharacteristicId characteristicId, String reference, long lastSubgroup,
                              Instant adjustedAt, Instant effectiveFrom) {
}
