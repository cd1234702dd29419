package io.cncvision.vision.camera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cncvision.api.value.GaugeId;
import java.awt.image.BufferedImage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CameraChannelTest {

    static final GaugeId CAM = GaugeId.of("cam-1");

    static BufferedImage render(Integer part) {
        BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_GRAY);
        image.getRaster().setSample(0, 0, 0, part);
        return image;
    }

    /** Records what the channel reports. */
    static final class Heard implements CameraListener {
        final List<String> events = new CopyOnWriteArrayList<>();

        @Override
        public void wentOffline(GaugeId camera, String reason, Instant at) {
            events.add("offline " + camera + ": " + reason);
        }

        @Override
        public void cameOnline(GaugeId camera, Instant at) {
            events.add("online " + camera);
        }
    }

    @Test
    void whenThePipelineFallsBehindTheOldestFramesAreDroppedAndCounted() {
        SimulatedCamera<Integer> camera = new SimulatedCamera<>("cam-1", CameraChannelTest::render, 100,
                Clock.systemUTC());
        Semaphore ready = new Semaphore(0);
        CameraSettings settings = new CameraSettings(4, Duration.ofSeconds(5), Duration.ofMillis(50),
                Duration.ofMillis(100));
        try (CameraChannel channel = new CameraChannel(CAM, camera, settings, Clock.systemUTC(), new Heard(), ready)) {
            channel.start();
            for (int part = 1; part <= 10; part++) {
                camera.show(part);
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> channel.captured() == 10);

            assertThat(channel.dropped()).isEqualTo(6);
            assertThat(channel.queued()).isEqualTo(4);
            assertThat(ready.availablePermits()).isEqualTo(4);
            assertThat(List.of(channel.poll(), channel.poll(), channel.poll(), channel.poll()))
                    .extracting(frame -> frame.image().getRaster().getSample(0, 0, 0)).containsExactly(7, 8, 9, 10);
            assertThat(channel.poll()).isNull();
            assertThat(channel.taken()).isEqualTo(4);
        }
    }

    @Test
    void aCameraThatStopsDeliveringIsReportedOfflineOnceAndOnlineWhenFramesResume() {
        SimulatedCamera<Integer> camera = new SimulatedCamera<>("cam-1", CameraChannelTest::render, 100,
                Clock.systemUTC());
        Heard heard = new Heard();
        CameraSettings settings = new CameraSettings(4, Duration.ofMillis(400), Duration.ofMillis(50),
                Duration.ofMillis(100));
        try (CameraChannel channel = new CameraChannel(CAM, camera, settings, Clock.systemUTC(), heard,
                new Semaphore(0))) {
            channel.start();
            camera.show(1);
            await().atMost(Duration.ofSeconds(5)).until(channel::online);

            await().atMost(Duration.ofSeconds(5)).until(() -> !channel.online());
            sleep(1000); // well past the timeout again: still one report
            assertThat(heard.events).containsExactly("offline cam-1: no frame for 400 ms from simulated camera cam-1");

            camera.show(2);
            await().atMost(Duration.ofSeconds(5)).until(channel::online);
            assertThat(heard.events).hasSize(2).last().isEqualTo("online cam-1");
        }
    }

    @Test
    void aSourceThatFailsIsReportedOfflineAndOpenedAgain() {
        AtomicInteger opens = new AtomicInteger();
        FrameSource flaky = new FrameSource() {
            @Override
            public void open() throws java.io.IOException {
                if (opens.incrementAndGet() < 3) {
                    throw new java.io.IOException("connection refused");
                }
            }

            @Override
            public CapturedImage next(Duration timeout) throws InterruptedException {
                Thread.sleep(20);
                return new CapturedImage(render(1), Instant.now(), "f" + System.nanoTime());
            }

            @Override
            public String describe() {
                return "flaky camera";
            }

            @Override
            public void close() {
            }
        };
        Heard heard = new Heard();
        CameraSettings settings = new CameraSettings(2, Duration.ofSeconds(5), Duration.ofMillis(20),
                Duration.ofMillis(40));
        try (CameraChannel channel = new CameraChannel(CAM, flaky, settings, Clock.systemUTC(), heard,
                new Semaphore(0))) {
            channel.start();
            await().atMost(Duration.ofSeconds(5)).until(() -> channel.captured() > 0);

            assertThat(channel.sourceFailures()).isEqualTo(2);
            assertThat(heard.events).containsExactly("offline cam-1: flaky camera failed: connection refused",
                    "online cam-1");
        }
    }

    @Test
    void thePipelineProcessesEveryCamerasFramesInTurn() {
        AtomicInteger processed = new AtomicInteger();
        List<String> cameras = new CopyOnWriteArrayList<>();
        try (VisionPipeline pipeline = new VisionPipeline(frame -> {
            processed.incrementAndGet();
            cameras.add(frame.camera().value());
        }, 2, Clock.systemUTC(), CameraListener.NONE)) {
            SimulatedCamera<Integer> one = new SimulatedCamera<>("one", CameraChannelTest::render, 100, Clock.systemUTC());
            SimulatedCamera<Integer> two = new SimulatedCamera<>("two", CameraChannelTest::render, 100, Clock.systemUTC());
            CameraSettings roomy = new CameraSettings(100, Duration.ofSeconds(5), Duration.ofMillis(50),
                    Duration.ofMillis(100));
            pipeline.addCamera(GaugeId.of("one"), one, roomy);
            pipeline.addCamera(GaugeId.of("two"), two, roomy);
            pipeline.start();
            for (int i = 0; i < 20; i++) {
                one.show(i);
                two.show(i);
            }

            await().atMost(Duration.ofSeconds(5)).until(() -> processed.get() == 40);
            assertThat(pipeline.processed()).isEqualTo(40);
            assertThat(pipeline.dropped()).isZero();
            assertThat(cameras).filteredOn("one"::equals).hasSize(20);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
