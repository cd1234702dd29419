package io.cncvision.app.vision;

import io.cncvision.api.gauge.GaugeKind;
import io.cncvision.api.gauge.RegisterGauge;
import io.cncvision.api.value.GaugeId;
import io.cncvision.vision.camera.CameraListener;
import io.cncvision.vision.camera.FrameProcessor;
import io.cncvision.vision.camera.FrameSource;
import io.cncvision.vision.camera.VisionPipeline;
import java.time.Clock;
import java.util.Optional;
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
    /** The source of a camera of the simulated shop floor. */
    static final String SIMULATED = "simulated";

    private final VisionProperties properties;
    private final CommandGateway gateway;
    private final FrameProcessor processor;
    private final CameraListener listener;
    private final Clock clock;
    private final SimulatedCameras simulated;
    private volatile VisionPipeline pipeline;

    CameraPipeline(VisionProperties properties, CommandGateway gateway, FrameProcessor processor,
                   CameraListener listener, Clock clock) {
        this(properties, gateway, processor, listener, clock, location -> Optional.empty());
    }

    /** {@code simulated}: the cameras of a simulated shop floor, for cameras configured with source simulated. */
    CameraPipeline(VisionProperties properties, CommandGateway gateway, FrameProcessor processor,
                   CameraListener listener, Clock clock, SimulatedCameras simulated) {
        this.properties = properties;
        this.gateway = gateway;
        this.processor = processor;
        this.listener = listener;
        this.clock = clock;
        this.simulated = simulated;
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
                started.addCamera(id, frameSource(camera, i), camera.settings(i));
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

    private FrameSource frameSource(VisionProperties.Camera camera, int index) {
        if (!SIMULATED.equals(camera.source())) {
            return camera.frameSource(index, clock);
        }
        return simulated.camera(camera.location()).orElseThrow(() -> new IllegalArgumentException(
                "cncvision.vision.cameras[" + index + "] (" + camera.id() + "): no simulated machine '"
                        + camera.location() + "' runs in this instance; source simulated is for the demo's cameras"));
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
