package io.cncvision.api.gauge;

import io.cncvision.api.Checks;
import io.cncvision.api.value.GaugeId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A gauge stopped delivering (a camera sent no frame within its timeout); while offline it measures nothing. */
public record ReportGaugeOffline(@TargetAggregateIdentifier GaugeId gaugeId, String reason, Instant observedAt) {

    public ReportGaugeOffline {
        Checks.required("gaugeId", gaugeId);
        Checks.text("reason", reason, 512);
        Checks.observedAt(observedAt);
    }
}
