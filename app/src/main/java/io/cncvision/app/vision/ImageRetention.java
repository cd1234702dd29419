package io.cncvision.app.vision;

import io.cncvision.vision.storage.ImageStore;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Applies the image store's retention now and then, on a thread of its own. */
final class ImageRetention implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ImageRetention.class);

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "image-retention");
        thread.setDaemon(true);
        return thread;
    });

    ImageRetention(ImageStore store, Duration every) {
        timer.scheduleWithFixedDelay(() -> {
            try {
                store.applyRetention();
            } catch (IOException | RuntimeException e) {
                log.warn("image retention failed; trying again in {}", every, e);
            }
        }, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
