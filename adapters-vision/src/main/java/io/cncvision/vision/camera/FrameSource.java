package io.cncvision.vision.camera;

import java.io.IOException;
import java.time.Duration;

/**
 * Where a camera's images come from: a watched folder, a video file, an RTSP stream, a V4L2/USB device or a
 * simulated camera. One thread calls it; a {@link CameraChannel} opens it, reads it, and closes and opens it
 * again after a failure.
 */
public interface FrameSource extends AutoCloseable {

    /** Connects to the camera (opens the device, the stream, the folder). */
    void open() throws IOException;

    /**
     * The next image, waiting up to about {@code timeout} for it; null when none came in that time (a grabber
     * blocked in native code may overrun it by its own I/O timeout). Fails with {@link IOException} when the
     * source broke and must be opened again.
     */
    CapturedImage next(Duration timeout) throws IOException, InterruptedException;

    /** Where the images come from, for logs and outage reasons. */
    String describe();

    @Override
    void close();
}
