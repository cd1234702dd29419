package io.cncvision.api.characteristic;

import io.cncvision.api.Checks;
import io.cncvision.api.value.CharacteristicId;
import io.cncvision.api.value.SourceMessageId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records one attribute sample of a characteristic charted on a p, np, c or u chart: {@code count}
 * defectives among {@code size} parts (p, np), or defects found on {@code size} inspection units (c, u).
 * Each sample is one point of the chart.
 */
public record RecordCount(@TargetAggregateIdentifier CharacteristicId characteristicId, long count, long size,
                          Instant observedAt, SourceMessageId sourceMessageId) {

    public RecordCount {
        Checks.required("characteristicId", characteristicId);
        if (count < 0) {
            throw new IllegalArgumentException("count must be at least 0, not " + count);
        }
        if (size < 1) {
            throw new IllegalArgumentException("size must be at least 1, not " + size);
        }
        Checks.observedAt(observedAt);
    }
}
