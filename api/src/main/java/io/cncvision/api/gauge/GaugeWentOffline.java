package io.cncvision.api.gauge;

import io.cncvision.api.value.GaugeId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The gauge stopped delivering at {@code observedAt}, for {@code reason}. Recorded once per outage. */
@Revision("1")
public record GaugeWentOffline(GaugeId gaugeId, String reason, Instant observedAt) {
}
