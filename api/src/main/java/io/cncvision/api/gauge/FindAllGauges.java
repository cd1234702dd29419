package io.cncvision.api.gauge;

/** Finds every gauge, with the calibration in force of each. */
public record FindAllGauges() {
}
