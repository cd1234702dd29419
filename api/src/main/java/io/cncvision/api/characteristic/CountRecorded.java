package io.cncvision.api.characteristic;

import io.cncvision.api.value.CharacteristicId;
import io.cncvision.api.value.SourceMessageId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * An attribute sample was recorded as subgroup {@code subgroup}: {@code count} defectives or defects in
 * {@code size} parts or units; {@code value} is what its chart plots, the fraction (p), rate (u) or
 * count (np, c). {@code plotted} is its point judged against the limits in force, null before any are
 * established.
 */
@Revision("1")
public record CountRecorded(CharacteristicId characteristicId, long subgroup, long count, long size, double value,
                            Instant observedAt, SourceMessageId sourceMessageId, PlottedPoint plotted) {
}
