package io.cncvision.api.gauge;

import io.cncvision.api.value.GaugeId;

/** Finds every calibration recorded for a gauge, the oldest first: its calibration register. */
public record FindGaugeCalibrations(GaugeId gaugeId) {
}
