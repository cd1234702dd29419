package io.cncvision.api.gauge;

import java.time.Instant;

/**
 * A gauge as the read model knows it: its kind, whether it delivers ({@code offlineSince} and its reason are set
 * while it does not), and the calibration in force, null before the first.
 */
public record GaugeView(String gaugeId, GaugeKind kind, String name, Instant registeredAt, Instant offlineSince,
                        String offlineReason, CalibrationView calibration) {
}
