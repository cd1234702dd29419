package io.cncvision.vision.camera;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.Java2DFrameConverter;
import org.bytedeco.javacv.OpenCVFrameGrabber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Frames from a JavaCV grabber: a video file, an RTSP stream or a V4L2 device through FFmpeg, or a USB camera
 * by index through OpenCV. Each image is copied out of the grabber, whose buffers the next grab reuses.
 */
public final class GrabberFrameSource implements FrameSource {

    private static final Logger log = LoggerFactory.getLogger(GrabberFrameSource.class);

    /** What the end of the stream means. */
    public enum AtEnd {
        /** A video file played once: no more frames, and the camera goes offline after its timeout. */
        STOP,
        /** A video file played again and again (a simulated camera). */
        LOOP,
        /** A live stream that ended broke: it is opened again. */
        REOPEN
    }

    private final String description;
    private final Supplier<FrameGrabber> grabbers;
    private final AtEnd atEnd;
    private final boolean paced;
    private final Clock clock;
    private final Java2DFrameConverter converter = new Java2DFrameConverter();
    private FrameGrabber grabber;
    private long openedAtMillis;
    private long frameNumber;
    private long startNanos;
    private boolean ended;

    private GrabberFrameSource(String description, Supplier<FrameGrabber> grabbers, AtEnd atEnd, boolean paced,
                               Clock clock) {
        this.description = description;
        this.grabbers = grabbers;
        this.atEnd = atEnd;
        this.paced = paced;
        this.clock = clock;
    }

    /** A video file; {@code paced} plays it at its frame rate, as a camera would deliver it, rather than at once. */
    public static GrabberFrameSource videoFile(Path file, AtEnd atEnd, boolean paced, Clock clock) {
        return new GrabberFrameSource("video " + file, () -> new FFmpegFrameGrabber(file.toFile()), atEnd, paced,
                clock);
    }

    /**
     * An RTSP (or any FFmpeg-readable) stream; {@code options} are FFmpeg's, e.g. {@code rtsp_transport=tcp}
     * and {@code timeout} (microseconds) so that a silent stream fails rather than blocks.
     */
    public static GrabberFrameSource stream(String url, Map<String, String> options, Clock clock) {
        return new GrabberFrameSource("stream " + url.replaceAll("//[^/@]*@", "//***@"), () -> {
            FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(url);
            grabber.setOption("timeout", "5000000");
            options.forEach(grabber::setOption);
            return grabber;
        }, AtEnd.REOPEN, false, clock);
    }

    /** A V4L2 device ({@code /dev/video0}) through FFmpeg. */
    public static GrabberFrameSource v4l2(String device, int width, int height, double frameRate, Clock clock) {
        return new GrabberFrameSource("v4l2 " + device, () -> {
            FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(device);
            grabber.setFormat("video4linux2");
            if (width > 0 && height > 0) {
                grabber.setImageWidth(width);
                grabber.setImageHeight(height);
            }
            if (frameRate > 0) {
                grabber.setFrameRate(frameRate);
            }
            return grabber;
        }, AtEnd.REOPEN, false, clock);
    }

    /** A USB camera by its index, through OpenCV's capture. */
    public static GrabberFrameSource usb(int index, Clock clock) {
        return new GrabberFrameSource("usb camera " + index, () -> new OpenCVFrameGrabber(index), AtEnd.REOPEN, false,
                clock);
    }

    @Override
    public void open() throws IOException {
        grabber = grabbers.get();
        try {
            grabber.start();
        } catch (FrameGrabber.Exception e) {
            throw new IOException("cannot open " + description + ": " + e.getMessage(), e);
        }
        openedAtMillis = clock.millis();
        frameNumber = 0;
        startNanos = System.nanoTime();
        ended = false;
    }

    @Override
    public CapturedImage next(Duration timeout) throws IOException, InterruptedException {
        if (ended) {
            Thread.sleep(timeout.toMillis());
            return null;
        }
        org.bytedeco.javacv.Frame frame;
        try {
            frame = grabImage();
            if (frame == null && atEnd == AtEnd.LOOP) {
                grabber.restart();
                startNanos = System.nanoTime();
                frame = grabImage();
            }
        } catch (FrameGrabber.Exception e) {
            throw new IOException(description + ": " + e.getMessage(), e);
        }
        if (frame == null) {
            if (atEnd == AtEnd.REOPEN) {
                throw new IOException(description + " ended");
            }
            log.info("{} ended after {} frames", description, frameNumber);
            ended = true;
            return null;
        }
        long number = frameNumber++;
        if (paced && grabber.getFrameRate() > 0) {
            long dueNanos = startNanos + (long) (number * 1e9 / grabber.getFrameRate());
            long wait = dueNanos - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
        }
        BufferedImage image = Java2DFrameConverter.cloneBufferedImage(converter.convert(frame));
        Instant capturedAt = clock.instant();
        return new CapturedImage(image, capturedAt, openedAtMillis + "-" + number);
    }

    private org.bytedeco.javacv.Frame grabImage() throws FrameGrabber.Exception {
        if (grabber instanceof FFmpegFrameGrabber ffmpeg) {
            return ffmpeg.grabImage();
        }
        org.bytedeco.javacv.Frame frame;
        do {
            frame = grabber.grab();
        } while (frame != null && frame.image == null);
        return frame;
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public void close() {
        if (grabber != null) {
            try {
                grabber.close();
            } catch (FrameGrabber.Exception e) {
                log.debug("closing {}", description, e);
            }
            grabber = null;
        }
    }
}
