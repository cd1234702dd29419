package io.cncvision.api.gauge;

import java.time.Instant;

/**
 * A gauge as the read model knows it: its kind, whether it delivers ({@code offlineSince} and its reason are set
 * while it does not), and the calibration in force, null before the first. {@code status} says whether its
 * certified calibration lets it measure; {@code certificationId} and {@code dueAt} name the certification in force
 * and when it falls due (null before the first, and {@code dueAt} for a gauge left FAILED).
 */
public record GaugeView(String gaugeId, GaugeKind kind, String name, Instant registeredAt, Instant offlineSince,
                        String offlineReason, CalibrationView calibration, GaugeStatus status, String certificationId,
                        Instant dueAt) {
}
