package io.cncvision.app.vision;

import io.cncvision.cnc.CommandDispatcher;
import io.cncvision.vision.inspection.GaugeStatusCommands;
import io.cncvision.vision.inspection.InspectionPublisher;
import io.cncvision.vision.storage.FileSystemImageStore;
import io.cncvision.vision.storage.ImageStore;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
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
}
