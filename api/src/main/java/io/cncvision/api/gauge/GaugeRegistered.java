package io.cncvision.api.gauge;

import io.cncvision.api.value.GaugeId;
import org.axonframework.serialization.Revision;

/** A gauge was registered. */
@Revision("1")
public record GaugeRegistered(GaugeId gaugeId, GaugeKind kind, String name) {
}
