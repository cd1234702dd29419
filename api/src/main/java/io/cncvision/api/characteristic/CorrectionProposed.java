package io.cncvision.api.characteristic;

import io.cncvision.api.value.CharacteristicId;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * An out-of-control signal on a characteristic with a compensation plan: {@code subgroups} (the signal's pattern,
 * or on an EWMA chart the last few subgroups, as its statistic lags a drift) average {@code mean} against
 * {@code target}, the chart's centre line, so the plan's offset should move by
 * {@code correctionMm} (bounded by the plan's largest step) to bring it back. Proposed with the signal of
 * subgroup {@code subgroup}; whether and how far the offset is moved is the machine's to decide within the plan.
 */
@Revision("1")
public record CorrectionProposed(CharacteristicId characteristicId, long subgroup, String rule, List<Long> subgroups,
                                 double mean, double target, double correctionMm, CompensationPlan plan,
                                 Instant observedAt) {

    public CorrectionProposed {
        subgroups = List.copyOf(subgroups);
    }
}
