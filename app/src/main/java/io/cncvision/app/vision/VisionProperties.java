package io.cncvision.app.vision;

import io.cncvision.api.value.CharacteristicId;
import io.cncvision.api.value.GaugeId;
import io.cncvision.vision.camera.CameraSettings;
import io.cncvision.vision.camera.FrameSource;
import io.cncvision.vision.camera.FrameSources;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The cameras this instance reads, where inspection images are kept and for how long, and which
 * characteristic each measured recipe feature feeds, under {@code cncvision.vision}.
 *
 * <pre>
 * cncvision:
 *   vision:
 *     workers: 2                            # threads processing frames, all cameras together
 *     cameras:
 *       - id: cam-1
 *         name: Lathe 1 outfeed
 *         source: folder                    # folder, video, rtsp, v4l2 or usb
 *         location: /var/spool/cam-1
 *         queue: 4                          # frames waiting; the oldest is dropped (and counted) beyond
 *         offline-after: 5s
 *       - id: cam-2
 *         source: rtsp
 *         location: rtsp://10.0.4.31/stream1
 *         options: {rtsp_transport: tcp}
 *     images:
 *       root: /var/lib/cncvision/images     # default: &lt;data-dir&gt;/images
 *       retention: 90d
 *       # or, in an S3-compatible object store (AWS S3, MinIO, Ceph RGW):
 *       s3: {endpoint: http://minio:9000, bucket: cncvision-images, prefix: plant-1, region: us-east-1,
 *            access-key: ${S3_ACCESS_KEY}, secret-key: ${S3_SECRET_KEY}}
 *     characteristics:
 *       outer-diameter: pn1234-od
 *       bore-diameter: pn1234-bore
 * </pre>
 */
@ConfigurationProperties("cncvision.vision")
public record VisionProperties(Integer workers, List<Camera> cameras, Images images,
                               Map<String, String> characteristics) {

    public VisionProperties {
        workers = workers == null ? Math.max(1, Runtime.getRuntime().availableProcessors()) : workers;
        if (workers < 1) {
            throw new IllegalArgumentException("cncvision.vision.workers must be at least 1, not " + workers);
        }
        cameras = cameras == null ? List.of() : List.copyOf(cameras);
        images = images == null ? new Images(null, null, null, null) : images;
        characteristics = characteristics == null ? Map.of() : Map.copyOf(characteristics);
    }

    /** One camera as configured. */
    public record Camera(String id, String name, String source, String location, Map<String, String> options,
                         Integer queue, Duration offlineAfter) {

        GaugeId gaugeId(int index) {
            try {
                return GaugeId.of(id);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("cncvision.vision.cameras[" + index + "].id: " + e.getMessage(), e);
            }
        }

        String displayName() {
            return name == null || name.isBlank() ? id : name;
        }

        CameraSettings settings(int index) {
            CameraSettings defaults = CameraSettings.DEFAULTS;
            try {
                return new CameraSettings(queue == null ? defaults.queueCapacity() : queue,
                        offlineAfter == null ? defaults.offlineAfter() : offlineAfter, defaults.initialBackoff(),
                        defaults.maximumBackoff());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("cncvision.vision.cameras[" + index + "] (" + id + "): "
                        + e.getMessage(), e);
            }
        }

        FrameSource frameSource(int index, Clock clock) {
            try {
                return FrameSources.create(source, location, options, clock);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("cncvision.vision.cameras[" + index + "] (" + id + "): "
                        + e.getMessage(), e);
            }
        }
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

    /**
     * The image store: its folder, or the S3-compatible bucket that replaces it; how long images are kept, and
     * how often old ones are looked for.
     */
    public record Images(Path root, Duration retention, Duration retentionCheck, S3 s3) {

        public Images {
            retention = retention == null ? Duration.ofDays(90) : retention;
            retentionCheck = retentionCheck == null ? Duration.ofHours(1) : retentionCheck;
        }
    }

    /** An S3-compatible bucket, addressed path-style. */
    public record S3(URI endpoint, String bucket, String prefix, String region, String accessKey, String secretKey) {

        @Override
        public String toString() {
            return "S3[endpoint=" + endpoint + ", bucket=" + bucket + ", prefix=" + prefix + ", region=" + region + "]";
        }
    }
}
