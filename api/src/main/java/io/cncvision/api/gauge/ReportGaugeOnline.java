package io.cncvision.api.gauge;

import io.cncvision.api.Checks;
import io.cncvision.api.value.GaugeId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A gauge delivers again. */
public record ReportGaugeOnline(@TargetAggregateIdentifier GaugeId gaugeId, Instant observedAt) {

    public ReportGaugeOnline {
        Checks.required("gaugeId", gaugeId);
        Checks.observedAt(observedAt);
    }
}
