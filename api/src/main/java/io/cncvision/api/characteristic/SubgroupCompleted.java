package io.cncvision.api.characteristic;

import io.cncvision.api.value.CharacteristicId;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A subgroup filled up; its statistics are what the control chart plots. {@code plotted} is its point
 * judged against the limits in force, null before any are established (and in events recorded
 * before points were judged that way).
 */
@Revision("1")
public record SubgroupCompleted(CharacteristicId characteristicId, long subgroup, List<Double> values, double mean,
                                double range, double standardDeviation, Instant observedAt,
                                PlottedPoint plotted) {
}
