package io.cncvision.api.characteristic;

import io.cncvision.api.value.CharacteristicId;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/** A subgroup filled up; its statistics are what the control chart plots. */
@Revision("1")
public record SubgroupCompleted(CharacteristicId characteristicId, long subgroup, List<Double> values, double mean,
                                double range, double standardDeviation, Instant observedAt) {
}
