package io.cncvision.app.vision;

import io.cncvision.api.value.CharacteristicId;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where inspection images are kept and for how long, and which characteristic each measured recipe feature
 * feeds, under {@code cncvision.vision}.
 *
 * <pre>
 * cncvision:
 *   vision:
 *     images:
 *       root: /var/lib/cncvision/images     # default: &lt;data-dir&gt;/images
 *       retention: 90d
 *     characteristics:
 *       outer-diameter: pn1234-od
 *       bore-diameter: pn1234-bore
 * </pre>
 */
@ConfigurationProperties("cncvision.vision")
public record VisionProperties(Images images, Map<String, String> characteristics) {

    public VisionProperties {
        images = images == null ? new Images(null, null, null) : images;
        characteristics = characteristics == null ? Map.of() : Map.copyOf(characteristics);
    }

    /** The characteristic each feature feeds; a bad id fails at start-up, naming the feature. */
    public Map<String, CharacteristicId> characteristicOfFeature() {
        Map<String, CharacteristicId> mapped = new LinkedHashMap<>();
        characteristics.forEach((feature, id) -> {
            try {
                mapped.put(feature, CharacteristicId.of(id));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("cncvision.vision.characteristics." + feature + ": " + e.getMessage(), e);
            }
        });
        return mapped;
    }

    /** The image store: its folder, how long images are kept, and how often old ones are looked for. */
    public record Images(Path root, Duration retention, Duration retentionCheck) {

        public Images {
            retention = retention == null ? Duration.ofDays(90) : retention;
            retentionCheck = retentionCheck == null ? Duration.ofHours(1) : retentionCheck;
        }
    }
}
