package io.cncvision.api.characteristic;

import java.time.Instant;

/** A characteristic with its current specification and a summary of what was measured. */
public record CharacteristicView(String characteristicId, String partNumber, String name, String unit, double nominal,
                                 Double lsl, Double usl, int subgroupSize, String chart, long measurementCount,
                                 long outOfSpecificationCount, Double lastValue, Instant lastObservedAt) {
}
