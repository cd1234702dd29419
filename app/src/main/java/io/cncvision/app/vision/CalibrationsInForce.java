package io.cncvision.app.vision;

import io.cncvision.api.gauge.CalibrationView;
import io.cncvision.api.value.GaugeId;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The calibration in force for each camera, as the gauge read model records it, looked up again once
 * {@code refresh} has passed: a new calibration is used from the next frame after that. A lookup that fails
 * keeps the calibration known before.
 */
final class CalibrationsInForce {

    private static final Logger log = LoggerFactory.getLogger(CalibrationsInForce.class);

    private final Function<GaugeId, Optional<CalibrationView>> lookup;
    private final long refreshNanos;
    private final Map<GaugeId, Known> known = new ConcurrentHashMap<>();

    CalibrationsInForce(Function<GaugeId, Optional<CalibrationView>> lookup, Duration refresh) {
        this.lookup = lookup;
        this.refreshNanos = refresh.toNanos();
    }

    Optional<CalibrationView> of(GaugeId camera) {
        long now = System.nanoTime();
        Known current = known.get(camera);
        if (current != null && now - current.lookedUpAt < refreshNanos) {
            return current.calibration;
        }
        Optional<CalibrationView> calibration;
        try {
            calibration = lookup.apply(camera);
        } catch (RuntimeException e) {
            log.warn("camera {}: its calibration could not be looked up; the one known before stays in use", camera, e);
            calibration = current == null ? Optional.empty() : current.calibration;
        }
        known.put(camera, new Known(calibration, now));
        return calibration;
    }

    private record Known(Optional<CalibrationView> calibration, long lookedUpAt) {
    }
}
