package io.cncvision.api.gauge;

import io.cncvision.api.value.GaugeId;

/** Finds one gauge, with the calibration in force. */
public record FindGauge(GaugeId gaugeId) {
}
