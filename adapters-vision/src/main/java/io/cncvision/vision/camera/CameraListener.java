package io.cncvision.vision.camera;

import io.cncvision.api.value.GaugeId;
import java.time.Instant;

/** Hears when a camera stops delivering and when it delivers again; called from the camera's thread. */
public interface CameraListener {

    /** No frame came within the camera's timeout, or its source failed; {@code reason} says which. */
    void wentOffline(GaugeId camera, String reason, Instant at);

    /** Frames come again. */
    void cameOnline(GaugeId camera, Instant at);

    CameraListener NONE = new CameraListener() {
        @Override
        public void wentOffline(GaugeId camera, String reason, Instant at) {
        }

        @Override
        public void cameOnline(GaugeId camera, Instant at) {
        }
    };
}
