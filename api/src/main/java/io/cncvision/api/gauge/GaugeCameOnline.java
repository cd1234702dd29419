package io.cncvision.api.gauge;

import io.cncvision.api.value.GaugeId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The gauge delivers again, after being offline since {@code offlineSince}. */
@Revision("1")
public record GaugeCameOnline(GaugeId gaugeId, Instant offlineSince, Instant observedAt) {
}
