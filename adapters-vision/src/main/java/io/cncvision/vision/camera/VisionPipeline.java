package io.cncvision.vision.camera;

import io.cncvision.api.value.GaugeId;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cameras, each on its own bounded queue, and a few workers that process their frames, taking from the cameras
 * in turn so that a busy camera cannot starve the others. A frame whose processing fails is counted and logged;
 * the worker goes on.
 */
public final class VisionPipeline implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(VisionPipeline.class);

    private final FrameProcessor processor;
    private final Clock clock;
    private final CameraListener listener;
    private final int workerCount;
    private final Semaphore framesReady = new Semaphore(0);
    private final List<CameraChannel> cameras = new CopyOnWriteArrayList<>();
    private final List<Thread> workers = new CopyOnWriteArrayList<>();
    private final AtomicLong processed = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong nextCamera = new AtomicLong();
    private volatile boolean running = true;

    public VisionPipeline(FrameProcessor processor, int workerCount, Clock clock, CameraListener listener) {
        if (workerCount < 1) {
            throw new IllegalArgumentException("workerCount must be at least 1, not " + workerCount);
        }
        this.processor = processor;
        this.workerCount = workerCount;
        this.clock = clock;
        this.listener = listener;
    }

    /** Adds a camera and starts reading it. */
    public CameraChannel addCamera(GaugeId camera, FrameSource source, CameraSettings settings) {
        if (cameras.stream().anyMatch(channel -> channel.camera().equals(camera))) {
            throw new IllegalArgumentException("camera " + camera + " is already in the pipeline");
        }
        CameraChannel channel = new CameraChannel(camera, source, settings, clock, listener, framesReady);
        cameras.add(channel);
        channel.start();
        return channel;
    }

    /** Starts the workers. */
    public void start() {
        for (int i = 0; i < workerCount; i++) {
            Thread worker = new Thread(this::work, "vision-worker-" + i);
            worker.setDaemon(true);
            workers.add(worker);
            worker.start();
        }
    }

    public List<CameraChannel> cameras() {
        return List.copyOf(cameras);
    }

    /** Frames processed. */
    public long processed() {
        return processed.get();
    }

    /** Frames whose processing failed. */
    public long failed() {
        return failed.get();
    }

    /** Frames dropped by every camera because the workers fell behind. */
    public long dropped() {
        return cameras.stream().mapToLong(CameraChannel::dropped).sum();
    }

    private void work() {
        while (running) {
            try {
                if (!framesReady.tryAcquire(200, TimeUnit.MILLISECONDS)) {
                    continue;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            Frame frame = takeInTurn();
            if (frame == null) {
                continue;
            }
            try {
                processor.process(frame);
                processed.incrementAndGet();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception | LinkageError e) {
                failed.incrementAndGet();
                log.warn("camera {}: processing frame {} failed", frame.camera(), frame.frameId(), e);
            }
        }
    }

    // A permit promises a frame in some queue: frames only leave a queue through a permit, or are replaced by a
    // newer one when dropped.
    private Frame takeInTurn() {
        List<CameraChannel> snapshot = cameras;
        int size = snapshot.size();
        for (int attempt = 0; attempt < 2 * size + 1 && size > 0; attempt++) {
            CameraChannel channel = snapshot.get((int) (nextCamera.getAndIncrement() % size));
            Frame frame = channel.poll();
            if (frame != null) {
                return frame;
            }
        }
        return null;
    }

    /** Stops the cameras, then the workers. */
    @Override
    public void close() {
        cameras.forEach(CameraChannel::close);
        running = false;
        workers.forEach(Thread::interrupt);
        for (Thread worker : workers) {
            try {
                worker.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
