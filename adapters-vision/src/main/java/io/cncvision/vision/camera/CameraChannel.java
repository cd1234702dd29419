package io.cncvision.vision.camera;

import io.cncvision.api.value.GaugeId;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One camera: a thread reads its {@link FrameSource} into a bounded queue. When the pipeline falls behind, the
 * oldest waiting frame is dropped for the newest (a measurement of the part in front of the camera now beats
 * one of a part long gone), and every drop is counted and logged, never silent. No frame for the configured
 * timeout, or a failed source, reports the camera offline once; it is opened again with a growing wait, and
 * reported online when frames come again.
 */
public final class CameraChannel implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CameraChannel.class);
    private static final long DROP_LOG_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);
    // How long one read waits, so the offline timeout is checked even while the source yields nothing.
    private static final Duration POLL_SLICE = Duration.ofMillis(200);

    private final GaugeId camera;
    private final FrameSource source;
    private final CameraSettings settings;
    private final Clock clock;
    private final CameraListener listener;
    private final Semaphore framesReady;
    private final ArrayDeque<Frame> queue;
    private final AtomicLong captured = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong taken = new AtomicLong();
    private final AtomicLong sourceFailures = new AtomicLong();
    private final Thread thread;
    private volatile boolean online;
    private volatile boolean offlineReported;
    private volatile boolean running = true;
    private long dropLoggedAt = System.nanoTime() - DROP_LOG_INTERVAL_NANOS;
    private long dropLogged;

    /**
     * {@code framesReady} gets a permit for every frame queued, so that a pipeline serving several cameras can
     * wait for whichever delivers first; pass a fresh semaphore for a camera read on its own.
     */
    public CameraChannel(GaugeId camera, FrameSource source, CameraSettings settings, Clock clock,
                         CameraListener listener, Semaphore framesReady) {
        this.camera = camera;
        this.source = source;
        this.settings = settings;
        this.clock = clock;
        this.listener = listener;
        this.framesReady = framesReady;
        this.queue = new ArrayDeque<>(settings.queueCapacity());
        this.thread = new Thread(this::run, "camera-" + camera.value());
        this.thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    public GaugeId camera() {
        return camera;
    }

    /** The oldest waiting frame, or null when none waits. */
    public Frame poll() {
        synchronized (queue) {
            Frame frame = queue.poll();
            if (frame != null) {
                taken.incrementAndGet();
            }
            return frame;
        }
    }

    /** Frames the camera delivered. */
    public long captured() {
        return captured.get();
    }

    /** Frames dropped, unprocessed, because the pipeline fell behind. */
    public long dropped() {
        return dropped.get();
    }

    /** Frames handed to the pipeline. */
    public long taken() {
        return taken.get();
    }

    /** Times the source failed and was opened again. */
    public long sourceFailures() {
        return sourceFailures.get();
    }

    /** Frames waiting. */
    public int queued() {
        synchronized (queue) {
            return queue.size();
        }
    }

    /** Whether frames are coming (false before the first and while offline). */
    public boolean online() {
        return online;
    }

    private void run() {
        Duration backoff = settings.initialBackoff();
        long lastFrameNanos = System.nanoTime();
        while (running) {
            try {
                source.open();
                log.info("camera {}: reading {}", camera, source.describe());
                while (running) {
                    CapturedImage image = source.next(POLL_SLICE);
                    long now = System.nanoTime();
                    if (image == null) {
                        if (now - lastFrameNanos >= settings.offlineAfter().toNanos()) {
                            offline("no frame for " + settings.offlineAfter().toMillis() + " ms from "
                                    + source.describe());
                        }
                        continue;
                    }
                    lastFrameNanos = now;
                    backoff = settings.initialBackoff();
                    if (!online) {
                        online = true;
                        if (offlineReported) {
                            offlineReported = false;
                            log.info("camera {}: frames again from {}", camera, source.describe());
                            listener.cameOnline(camera, clock.instant());
                        }
                    }
                    enqueue(new Frame(camera, captured.incrementAndGet(), image.frameId(), image.capturedAt(),
                            image.image()));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (IOException | RuntimeException e) {
                if (!running) {
                    break;
                }
                sourceFailures.incrementAndGet();
                offline(source.describe() + " failed: " + e.getMessage());
                log.warn("camera {}: {} failed; opening it again in {} ms", camera, source.describe(),
                        backoff.toMillis(), e);
            } finally {
                source.close();
            }
            try {
                Thread.sleep(backoff.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            backoff = backoff.multipliedBy(2).compareTo(settings.maximumBackoff()) > 0 ? settings.maximumBackoff()
                    : backoff.multipliedBy(2);
            lastFrameNanos = System.nanoTime() - settings.offlineAfter().toNanos();
        }
    }

    private void offline(String reason) {
        online = false;
        if (!offlineReported) {
            offlineReported = true;
            log.warn("camera {} offline: {}", camera, reason);
            listener.wentOffline(camera, reason, clock.instant());
        }
    }

    private void enqueue(Frame frame) {
        Frame lost = null;
        synchronized (queue) {
            if (queue.size() >= settings.queueCapacity()) {
                lost = queue.poll();
            }
            queue.add(frame);
        }
        if (lost == null) {
            framesReady.release();
            return;
        }
        long total = dropped.incrementAndGet();
        long now = System.nanoTime();
        if (now - dropLoggedAt >= DROP_LOG_INTERVAL_NANOS) {
            log.warn("camera {}: the pipeline is behind; dropped frame {} for {} ({} dropped in all, {} since the last"
                    + " report, queue of {})", camera, lost.frameId(), frame.frameId(), total, total - dropLogged,
                    settings.queueCapacity());
            dropLoggedAt = now;
            dropLogged = total;
        }
    }

    /** Stops reading and closes the source. */
    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
