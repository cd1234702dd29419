package io.cncvision.vision.camera;

import java.awt.image.BufferedImage;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * A camera that sees what it is shown: each part handed to {@link #show} (the simulated machine's part with its
 * actual dimensions, say) is rendered by {@code renderer} into the next frame. What a part is, and how it looks,
 * is the renderer's business.
 *
 * @param <P> what the camera is shown
 */
public final class SimulatedCamera<P> implements FrameSource {

    private final String name;
    private final Function<? super P, BufferedImage> renderer;
    private final Clock clock;
    private final BlockingQueue<P> shown;
    private final AtomicLong frames = new AtomicLong();

    /** {@code backlog} bounds the parts waiting to be rendered; {@link #show} refuses more. */
    public SimulatedCamera(String name, Function<? super P, BufferedImage> renderer, int backlog, Clock clock) {
        this.name = name;
        this.renderer = Objects.requireNonNull(renderer, "renderer");
        this.clock = clock;
        this.shown = new LinkedBlockingQueue<>(backlog);
    }

    /** Puts a part in front of the camera; false when {@code backlog} parts already wait to be rendered. */
    public boolean show(P part) {
        return shown.offer(Objects.requireNonNull(part, "part"));
    }

    @Override
    public void open() {
    }

    @Override
    public CapturedImage next(Duration timeout) throws InterruptedException {
        P part = shown.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
        if (part == null) {
            return null;
        }
        BufferedImage image = renderer.apply(part);
        return new CapturedImage(image, clock.instant(), clock.millis() + "-" + frames.incrementAndGet());
    }

    @Override
    public String describe() {
        return "simulated camera " + name;
    }

    @Override
    public void close() {
    }
}
