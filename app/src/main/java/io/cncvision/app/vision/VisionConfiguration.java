package io.cncvision.app.vision;

import io.cncvision.cnc.CommandDispatcher;
import io.cncvision.vision.inspection.GaugeStatusCommands;
import io.cncvision.vision.inspection.InspectionPublisher;
import io.cncvision.vision.storage.FileSystemImageStore;
import io.cncvision.vision.storage.ImageStore;
import io.cncvision.vision.storage.S3ImageStore;
import io.cncvision.vision.camera.CameraChannel;
import io.cncvision.api.value.CalibrationId;
import io.cncvision.vision.camera.FrameProcessor;
import io.cncvision.vision.code.PartIdentifier;
import io.cncvision.vision.code.SerialFallback;
import io.cncvision.vision.defect.DefectClassifier;
import io.cncvision.vision.gauge.RecipeException;
import io.cncvision.vision.gauge.RecipeGauge;
import io.cncvision.vision.gauge.Recipes;
import io.cncvision.vision.inspection.PartInspector;
import io.cncvision.vision.camera.VisionPipeline;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.ToLongFunction;
import org.axonframework.commandhandling.gateway.CommandGateway;
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
        InspectionPublisher publisher = new InspectionPublisher(connectorCommandDispatcher::dispatch,
                properties.characteristicOfFeature());
        Gauge.builder("cncvision.vision.commands.published", publisher, InspectionPublisher::published).register(meters);
        Gauge.builder("cncvision.vision.commands.not-taken", publisher, InspectionPublisher::notTaken).register(meters);
        Gauge.builder("cncvision.vision.parts.unnamed", publisher, InspectionPublisher::unnamed).register(meters);
        return publisher;
    }

    @Bean
    GaugeStatusCommands cameraStatusCommands(CommandDispatcher connectorCommandDispatcher) {
        return new GaugeStatusCommands(connectorCommandDispatcher::dispatch);
    }

    /**
     * What is done with each frame: with {@code cncvision.vision.inspection}, the part in it is inspected
     * (gauged, identified, its face judged), its image stored, and the inspection and its measurements
     * published; without it frames are only counted, as no inspection is published without a verdict.
     */
    @Bean
    @ConditionalOnMissingBean
    FrameProcessor frameProcessor(VisionProperties properties, InspectionPublisher publisher, ImageStore images,
                                  MeterRegistry meters) throws RecipeException {
        VisionProperties.Inspection inspection = properties.inspection();
        if (inspection == null) {
            Counter frames = Counter.builder("cncvision.vision.frames.unprocessed")
                    .description("Frames read with no inspection stage configured").register(meters);
            return frame -> frames.increment();
        }
        DefectClassifier classifier = inspection.model() == null ? null : DefectClassifier.load(inspection.model());
        PartInspector inspector = new PartInspector(new PartInspector.Settings(
                new RecipeGauge(Recipes.byNameOrFile(inspection.recipe()), inspection.mmPerPixel()),
                new PartIdentifier(SerialFallback.NONE,
                        VisionProperties.Inspection.region("code-region", inspection.codeRegion())),
                classifier, VisionProperties.Inspection.region("surface-region", inspection.surfaceRegion()),
                inspection.textureThreshold() == null ? PartInspector.DEFAULT_TEXTURE_THRESHOLD
                        : inspection.textureThreshold(),
                inspection.calibrationId() == null ? null : new CalibrationId(inspection.calibrationId())), images);
        Counter inspected = Counter.builder("cncvision.vision.parts.inspected").register(meters);
        return frame -> {
            publisher.publish(inspector.inspect(frame));
            inspected.increment();
        };
    }

    @Bean
    CameraPipeline cameraPipeline(VisionProperties properties, CommandGateway gateway, FrameProcessor frameProcessor,
                                  GaugeStatusCommands cameraStatusCommands, Clock clock, MeterRegistry meters) {
        CameraPipeline cameras = new CameraPipeline(properties, gateway, frameProcessor, cameraStatusCommands, clock);
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
