package io.cncvision.api.gauge;

import io.cncvision.api.Checks;
import io.cncvision.api.value.GaugeId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Registers a gauge (a camera is one) whose measurements the platform will record (IATF 16949 7.1.5). */
public record RegisterGauge(@TargetAggregateIdentifier GaugeId gaugeId, GaugeKind kind, String name) {

    public RegisterGauge {
        Checks.required("gaugeId", gaugeId);
        Checks.required("kind", kind);
        Checks.text("name", name, 128);
    }
}
