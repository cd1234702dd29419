package io.cncvision.api.characteristic;

import io.cncvision.api.value.CharacteristicId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The process was adjusted after subgroup {@code lastSubgroup}; the run rules judge the later ones afresh. */
@Revision("1")
public record ProcessAdjusted(CharacteristicId characteristicId, String reference, long lastSubgroup,
                              Instant adjustedAt) {
}
