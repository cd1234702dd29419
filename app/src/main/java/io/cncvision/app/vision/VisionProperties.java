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
 *     inspection:                           # what is done with each frame; without it frames are only counted
 *       recipe: ring                        # or a recipe file
 *       mm-per-pixel: 0.03                  # at the working plane, from the camera's calibration
 *       calibration-id: cam-1-2026-11-25    # named on every inspection
 *       code-region: 40,40,200,200          # x,y,width,height where the serial is marked; all the frame if absent
 *       model: models/neu-det               # the defect model; with surface-region, faces are judged
 *       surface-region: 1040,784,200,200
 *       texture-threshold: 8                # grey-level spread above which a face shows a defect
 * </pre>
 */
@ConfigurationProperties("cncvision.vision")
public record VisionProperties(Integer workers, List<Camera> cameras, Images images,
                               Map<String, String> characteristics, Inspection inspection) {

    public VisionProperties {
        workers = workers == null ? Math.max(1, Runtime.getRuntime().availableProcessors()) : workers;
        if (workers < 1) {
            throw new IllegalArgumentException("cncvision.vision.workers must be at least 1, not " + workers);
        }
        cameras = cameras == null ? List.of() : List.copyOf(cameras);
        images = images == null ? new Images(null, null, null, null) : images;
        characteristics = characteristics == null ? Map.of() : Map.copyOf(characteristics);
    }

    /** The inspection of each frame; null when frames are only read and counted. */
    public record Inspection(String recipe, Double mmPerPixel, String calibrationId, String codeRegion, Path model,
                             String surfaceRegion, Double textureThreshold) {

        public Inspection {
            if (recipe == null || recipe.isBlank()) {
                throw new IllegalArgumentException("cncvision.vision.inspection.recipe is required (ring or a recipe file)");
            }
            if (mmPerPixel == null || !(mmPerPixel > 0)) {
                throw new IllegalArgumentException("cncvision.vision.inspection.mm-per-pixel must be above 0, not "
                        + mmPerPixel);
            }
            if (model != null && surfaceRegion == null) {
                throw new IllegalArgumentException("cncvision.vision.inspection.model needs surface-region: the part of "
                        + "the frame that shows the part's face");
            }
        }

        /** {@code x,y,width,height} as a rectangle; null for null. */
        static java.awt.Rectangle region(String field, String value) {
            if (value == null) {
                return null;
            }
            String[] parts = value.split(",");
            try {
                if (parts.length != 4) {
                    throw new NumberFormatException("four numbers needed");
                }
                return new java.awt.Rectangle(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()),
                        Integer.parseInt(parts[2].trim()), Integer.parseInt(parts[3].trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("cncvision.vision.inspection." + field + " must be x,y,width,height,"
                        + " not '" + value + "'", e);
            }
        }
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
