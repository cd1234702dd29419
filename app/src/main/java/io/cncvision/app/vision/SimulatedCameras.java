package io.cncvision.app.vision;

import io.cncvision.vision.camera.FrameSource;
import java.util.Optional;

/**
 * The simulated cameras of a simulated shop floor, for cameras configured with {@code source: simulated}: the
 * location names the simulated machine whose outfeed the camera watches.
 */
public interface SimulatedCameras {

    /** The camera at the outfeed of simulated machine {@code location}, empty when there is none. */
    Optional<FrameSource> camera(String location);
}
