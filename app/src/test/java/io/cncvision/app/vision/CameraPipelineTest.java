package io.cncvision.app.vision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import io.cncvision.api.gauge.GaugeKind;
import io.cncvision.api.gauge.RegisterGauge;
import io.cncvision.api.gauge.ReportGaugeOffline;
import io.cncvision.api.gauge.ReportGaugeOnline;
import io.cncvision.api.value.GaugeId;
import io.cncvision.vision.camera.Frame;
import io.cncvision.vision.inspection.GaugeStatusCommands;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CameraPipelineTest {

    static final GaugeId CAM = GaugeId.of("cam-1");

    @TempDir
    Path spool;

    @Test
    void aConfiguredCameraIsRegisteredReadAndItsOutagesRecorded() throws Exception {
        CommandGateway gateway = mock(CommandGateway.class);
        List<Object> status = new CopyOnWriteArrayList<>();
        List<Frame> frames = new CopyOnWriteArrayList<>();
        VisionProperties properties = new VisionProperties(1, List.of(new VisionProperties.Camera("cam-1",
                "Lathe 1 outfeed", "folder", spool.toString(), Map.of(), 4, Duration.ofMillis(500))), null, null, null);
        CameraPipeline cameras = new CameraPipeline(properties, gateway, frames::add,
                new GaugeStatusCommands(status::add), Clock.systemUTC());
        cameras.start();
        try {
            verify(gateway).sendAndWait(eq(new RegisterGauge(CAM, GaugeKind.CAMERA, "Lathe 1 outfeed")), eq(30L),
                    eq(TimeUnit.SECONDS));

            await().atMost(Duration.ofSeconds(5)).until(() -> !status.isEmpty());
            assertThat(status.get(0)).isInstanceOfSatisfying(ReportGaugeOffline.class,
                    offline -> assertThat(offline.reason()).contains("no frame for 500 ms"));

            ImageIO.write(new BufferedImage(32, 32, BufferedImage.TYPE_BYTE_GRAY), "png",
                    spool.resolve("part-1.png").toFile());
            await().atMost(Duration.ofSeconds(5)).until(() -> frames.size() == 1);
            await().atMost(Duration.ofSeconds(5)).until(() -> status.size() == 2);
            assertThat(status.get(1)).isInstanceOf(ReportGaugeOnline.class);
            assertThat(frames.get(0).frameId()).isEqualTo("part-1.png");
            assertThat(cameras.pipeline().cameras().get(0).captured()).isEqualTo(1);
        } finally {
            cameras.stop();
        }
        assertThat(cameras.isRunning()).isFalse();
    }

    @Test
    void aBadCameraConfigurationFailsAtStartUpNamingTheEntry() {
        VisionProperties badId = new VisionProperties(1, List.of(new VisionProperties.Camera("cam 1", null, "folder",
                spool.toString(), null, null, null)), null, null, null);
        assertThatThrownBy(() -> new CameraPipeline(badId, mock(CommandGateway.class), frame -> { },
                new GaugeStatusCommands(command -> true), Clock.systemUTC()))
                .hasMessageContaining("cncvision.vision.cameras[0].id");
        VisionProperties badKind = new VisionProperties(1, List.of(new VisionProperties.Camera("cam-1", null, "gige",
                "10.0.0.1", null, null, null)), null, null, null);
        CameraPipeline cameras = new CameraPipeline(badKind, mock(CommandGateway.class), frame -> { },
                new GaugeStatusCommands(command -> true), Clock.systemUTC());
        assertThatThrownBy(cameras::start).hasMessageContaining("cncvision.vision.cameras[0] (cam-1)")
                .hasMessageContaining("'gige' is not one of [folder, video, rtsp, v4l2, usb]");
    }
}
