package io.cncvision.app.vision;

import io.cncvision.api.gauge.FindGauge;
import io.cncvision.api.gauge.GaugeView;
import io.cncvision.api.value.CharacteristicId;
import io.cncvision.api.value.GaugeId;
import io.cncvision.api.value.MachineId;
import io.cncvision.cnc.CommandDispatcher;
import io.cncvision.vision.camera.CameraChannel;
import io.cncvision.vision.camera.FrameProcessor;
import io.cncvision.vision.camera.VisionPipeline;
import io.cncvision.vision.code.LastCycleSerialFallback;
import io.cncvision.vision.gauge.RecipeException;
import io.cncvision.vision.inspection.GaugeStatusCommands;
import io.cncvision.vision.inspection.InspectionPublisher;
import io.cncvision.vision.storage.FileSystemImageStore;
import io.cncvision.vision.storage.ImageStore;
import io.cncvision.vision.storage.S3ImageStore;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.ToLongFunction;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The vision adapter's way into the platform: inspections and camera outages become commands on the connectors'
 * dispatcher (buffered, retried, overflow counted), and images go to the content-addressed store.
 */
@Configuration(proxyBeanMethods = false)
class VisionConfiguration {

    /** How soon a camera's new calibration is used. */
    static final Duration CALIBRATION_REFRESH = Duration.ofSeconds(2);

    @Bean
    @ConditionalOnMissingBean
    ImageStore imageStore(VisionProperties properties, @Value("${cncvision.data-dir}") Path dataDir, Clock clock)
            throws IOException {
        VisionProperties.S3 s3 = properties.images().s3();
        if (s3 != null) {
            return new S3ImageStore(new S3ImageStore.Settings(s3.endpoint(), s3.bucket(), s3.prefix(), s3.region(),
                    s3.accessKey(), s3.secretKey()), properties.images().retention(), clock);
        }
        Path root = properties.images().root() != null ? properties.images().root() : dataDir.resolve("images");
        return new FileSystemImageStore(root, properties.images().retention(), clock);
    }

    @Bean(destroyMethod = "close")
    ImageRetention imageRetention(ImageStore imageStore, VisionProperties properties) {
        return new ImageRetention(imageStore, properties.images().retentionCheck());
    }

    @Bean
    InspectionPublisher inspectionPublisher(CommandDispatcher connectorCommandDispatcher, VisionProperties properties,
                                            MeterRegistry meters) {
        Map<GaugeId, Map<String, CharacteristicId>> characteristics = new HashMap<>();
        for (int i = 0; i < properties.cameras().size(); i++) {
            characteristics.put(properties.cameras().get(i).gaugeId(i), properties.characteristicOfFeature(i));
        }
        InspectionPublisher publisher = new InspectionPublisher(connectorCommandDispatcher::dispatch,
                camera -> characteristics.getOrDefault(camera, Map.of()));
        Gauge.builder("cncvision.vision.commands.published", publisher, InspectionPublisher::published).register(meters);
        Gauge.builder("cncvision.vision.commands.not-taken", publisher, InspectionPublisher::notTaken).register(meters);
        Gauge.builder("cncvision.vision.parts.unnamed", publisher, InspectionPublisher::unnamed).register(meters);
        return publisher;
    }

    /** Names a part whose code does not read by the last cycle of the machine its camera watches. */
    @Bean
    LastCycleSerialFallback partFromCycle(VisionProperties properties) {
        Map<GaugeId, LastCycleSerialFallback.Watch> watches = new HashMap<>();
        for (int i = 0; i < properties.cameras().size(); i++) {
            VisionProperties.Camera camera = properties.cameras().get(i);
            MachineId machine = camera.machineId(i);
            if (machine != null) {
                watches.put(camera.gaugeId(i), new LastCycleSerialFallback.Watch(machine, camera.cycleWindow()));
            }
        }
        return new LastCycleSerialFallback(watches);
    }

    @Bean
    PartsFromCycles partsFromCycles(LastCycleSerialFallback partFromCycle) {
        return new PartsFromCycles(partFromCycle);
    }

    /** Each camera's calibration in force, from the gauge read model, looked up again every few seconds. */
    @Bean
    CalibrationsInForce calibrationsInForce(QueryGateway queries) {
        return new CalibrationsInForce(camera -> {
            try {
                return Optional.ofNullable(queries.query(new FindGauge(camera), ResponseTypes.instanceOf(GaugeView.class))
                        .get(10, TimeUnit.SECONDS).calibration());
            } catch (ExecutionException e) {
                // Not in the read model yet: registered a moment ago, so not calibrated either.
                return Optional.empty();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted looking up the calibration of camera " + camera, e);
            } catch (TimeoutException e) {
                throw new IllegalStateException("the calibration of camera " + camera + " took over 10 s to look up", e);
            }
        }, CALIBRATION_REFRESH);
    }

    @Bean
    GaugeStatusCommands cameraStatusCommands(CommandDispatcher connectorCommandDispatcher) {
        return new GaugeStatusCommands(connectorCommandDispatcher::dispatch);
    }

    /**
     * What is done with each frame: a camera with an inspection configured has the part in each frame inspected
     * (gauged with its calibration in force, identified, its face judged), the image stored, and the inspection
     * and its measurements published; other frames are only counted, as no inspection is published without a
     * verdict.
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    FrameProcessor frameProcessor(VisionProperties properties, CalibrationsInForce calibrationsInForce,
                                  LastCycleSerialFallback partFromCycle, InspectionPublisher publisher,
                                  ImageStore images, MeterRegistry meters) throws RecipeException {
        return new CameraInspections(properties, calibrationsInForce, partFromCycle, publisher, images, meters);
    }

    @Bean
    CameraPipeline cameraPipeline(VisionProperties properties, CommandGateway gateway, FrameProcessor frameProcessor,
                                  GaugeStatusCommands cameraStatusCommands, Clock clock, MeterRegistry meters,
                                  ObjectProvider<SimulatedCameras> simulatedCameras) {
        CameraPipeline cameras = new CameraPipeline(properties, gateway, frameProcessor, cameraStatusCommands, clock,
                simulatedCameras.getIfAvailable(() -> location -> Optional.empty()));
        for (VisionProperties.Camera camera : properties.cameras()) {
            Tags tags = Tags.of("camera", camera.id());
            Gauge.builder("cncvision.vision.frames.captured", cameras, c -> count(c, camera.id(), CameraChannel::captured))
                    .tags(tags).register(meters);
            Gauge.builder("cncvision.vision.frames.dropped", cameras, c -> count(c, camera.id(), CameraChannel::dropped))
                    .tags(tags).register(meters);
            Gauge.builder("cncvision.vision.camera.online", cameras,
                    c -> count(c, camera.id(), channel -> channel.online() ? 1 : 0)).tags(tags).register(meters);
        }
        return cameras;
    }

    private static double count(CameraPipeline cameras, String id, ToLongFunction<CameraChannel> metric) {
        VisionPipeline pipeline = cameras.pipeline();
        if (pipeline == null) {
            return Double.NaN;
        }
        return pipeline.cameras().stream().filter(channel -> channel.camera().value().equals(id))
                .mapToLong(metric).findFirst().orElse(0);
    }
}
