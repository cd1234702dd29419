package io.cncvision.api.nonconformance;

import io.cncvision.api.Checks;
import io.cncvision.api.value.NonConformanceId;

/** Finds one nonconformance with everything recorded of it. */
public record FindNonConformance(NonConformanceId nonConformanceId) {

    public FindNonConformance {
        Checks.required("nonConformanceId", nonConformanceId);
    }
}
