package io.cncvision.app.vision;

import io.cncvision.api.gauge.GaugeKind;
import io.cncvision.api.gauge.RegisterGauge;
import io.cncvision.api.value.GaugeId;
import io.cncvision.vision.camera.CameraListener;
import io.cncvision.vision.camera.FrameProcessor;
import io.cncvision.vision.camera.VisionPipeline;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The configured cameras, started once the platform takes commands and stopped before the command dispatcher:
 * each camera is registered as a gauge (a repeat changes nothing), then read into the pipeline, whose outages
 * go to {@code listener}.
 */
public final class CameraPipeline implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CameraPipeline.class);

    private final VisionProperties properties;
    private final CommandGateway gateway;
    private final FrameProcessor processor;
    private final CameraListener listener;
    private final Clock clock;
    private volatile VisionPipeline pipeline;

    CameraPipeline(VisionProperties properties, CommandGateway gateway, FrameProcessor processor,
                   CameraListener listener, Clock clock) {
        this.properties = properties;
        this.gateway = gateway;
        this.processor = processor;
        this.listener = listener;
        this.clock = clock;
        // Fail at start-up, naming the entry, rather than when the pipeline starts.
        for (int i = 0; i < properties.cameras().size(); i++) {
            properties.cameras().get(i).gaugeId(i);
            properties.cameras().get(i).settings(i);
        }
    }

    @Override
    public void start() {
        VisionPipeline started = new VisionPipeline(processor, properties.workers(), clock, listener);
        try {
            for (int i = 0; i < properties.cameras().size(); i++) {
                VisionProperties.Camera camera = properties.cameras().get(i);
                GaugeId id = camera.gaugeId(i);
                gateway.sendAndWait(new RegisterGauge(id, GaugeKind.CAMERA, camera.displayName()), 30,
                        TimeUnit.SECONDS);
                started.addCamera(id, camera.frameSource(i, clock), camera.settings(i));
                log.info("camera {} ({}): reading {} {}", id, camera.displayName(), camera.source(),
                        camera.location());
            }
        } catch (RuntimeException e) {
            started.close(); // the cameras already reading stop with the ones that could not start
            throw e;
        }
        started.start();
        pipeline = started;
    }

    /** The running pipeline, null before start and after stop. */
    public VisionPipeline pipeline() {
        return pipeline;
    }

    @Override
    public void stop() {
        VisionPipeline running = pipeline;
        pipeline = null;
        if (running != null) {
            running.close();
        }
    }

    @Override
    public boolean isRunning() {
        return pipeline != null;
    }

    /** After the machine connectors (whose stop closes the dispatcher), so cameras stop before it. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 500;
    }
}
