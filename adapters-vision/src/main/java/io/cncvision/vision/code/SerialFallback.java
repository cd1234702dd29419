package io.cncvision.vision.code;

import io.cncvision.api.value.GaugeId;
import io.cncvision.api.value.Serial;
import java.time.Instant;
import java.util.Optional;

/** Names the part in front of a camera when no code reads: from the cycle of the machine that made it, say. */
@FunctionalInterface
public interface SerialFallback {

    Optional<Serial> serialFor(GaugeId camera, Instant capturedAt);

    SerialFallback NONE = (camera, capturedAt) -> Optional.empty();
}
