package io.cncvision.app.vision;

import io.cncvision.api.value.CharacteristicId;
import io.cncvision.api.value.GaugeId;
import io.cncvision.api.value.MachineId;
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
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * The cameras this instance reads, where inspection images are kept and for how long, and what is done with each
 * camera's frames, under {@code cncvision.vision}. What is set at the top ({@code characteristics},
 * {@code inspection}) holds for every camera; a camera's own entries replace it, one field at a time. The scale
 * and lens of each camera are not configured: they come from its last recorded calibration, and a camera
 * without one is read and counted but not inspected.
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
 *         machine: lathe-1                  # whose outfeed it watches: a part without a readable code is the
 *         cycle-window: 30s                 #   machine's last completed one, if it completed this recently
 *       - id: cam-2
 *         source: rtsp
 *         location: rtsp://10.0.4.31/stream1
 *         options: {rtsp_transport: tcp}
 *         characteristics:                  # this camera's features feed other characteristics
 *           bore-diameter: pn5678-bore
 *         inspection: {recipe: /etc/cncvision/pn5678.yaml}
 *     images:
 *       root: /var/lib/cncvision/images     # default: &lt;data-dir&gt;/images
 *       retention: 90d
 *       # or, in an S3-compatible object store (AWS S3, MinIO, Ceph RGW):
 *       s3: {endpoint: http://minio:9000, bucket: cncvision-images, prefix: plant-1, region: us-east-1,
 *            access-key: ${S3_ACCESS_KEY}, secret-key: ${S3_SECRET_KEY}}
 *     characteristics:                      # recipe feature: characteristic it feeds
 *       outer-diameter: pn1234-od
 *       bore-diameter: pn1234-bore
 *     inspection:                           # what is done with each frame; without it frames are only counted
 *       recipe: ring                        # or a recipe file
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

    /**
     * The inspection of each frame: the recipe gauged, where the serial is marked, and the defect model with the
     * face it judges. Checked once merged for a camera ({@link #checked}), as a camera may complete what the
     * default leaves out.
     */
    public record Inspection(String recipe, String codeRegion, Path model, String surfaceRegion,
                             Double textureThreshold) {

        /** This inspection with each field it leaves out taken from {@code defaults} (which may be null). */
        Inspection over(Inspection defaults) {
            if (defaults == null) {
                return this;
            }
            return new Inspection(recipe != null ? recipe : defaults.recipe,
                    codeRegion != null ? codeRegion : defaults.codeRegion, model != null ? model : defaults.model,
                    surfaceRegion != null ? surfaceRegion : defaults.surfaceRegion,
                    textureThreshold != null ? textureThreshold : defaults.textureThreshold);
        }

        /** This inspection, checked; its errors name {@code field}, the configuration entry it came from. */
        Inspection checked(String field) {
            if (recipe == null || recipe.isBlank()) {
                throw new IllegalArgumentException(field + ".recipe is required (ring or a recipe file)");
            }
            if (model != null && surfaceRegion == null) {
                throw new IllegalArgumentException(field + ".model needs surface-region: the part of the frame that"
                        + " shows the part's face");
            }
            if (textureThreshold != null && !(textureThreshold > 0)) {
                throw new IllegalArgumentException(field + ".texture-threshold must be above 0, not "
                        + textureThreshold);
            }
            region(field + ".code-region", codeRegion);
            region(field + ".surface-region", surfaceRegion);
            return this;
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
                throw new IllegalArgumentException(field + " must be x,y,width,height, not '" + value + "'", e);
            }
        }
    }

    /** One camera as configured. */
    public record Camera(String id, String name, String source, String location, Map<String, String> options,
                         Integer queue, Duration offlineAfter, String machine, Duration cycleWindow,
                         Map<String, String> characteristics, Inspection inspection) {

        /** How long after a machine's cycle a part without a readable code is taken to be the one it made. */
        static final Duration DEFAULT_CYCLE_WINDOW = Duration.ofSeconds(30);

        // The configuration binds through this constructor, not the shorter one.
        @ConstructorBinding
        public Camera {
            characteristics = characteristics == null ? Map.of() : Map.copyOf(characteristics);
            cycleWindow = cycleWindow == null ? DEFAULT_CYCLE_WINDOW : cycleWindow;
        }

        /** A camera read and inspected with the defaults. */
        public Camera(String id, String name, String source, String location, Map<String, String> options,
                      Integer queue, Duration offlineAfter) {
            this(id, name, source, location, options, queue, offlineAfter, null, null, null, null);
        }

        /** The machine whose outfeed the camera watches, null for none. */
        MachineId machineId(int index) {
            if (machine == null) {
                return null;
            }
            try {
                return MachineId.of(machine);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("cncvision.vision.cameras[" + index + "].machine: " + e.getMessage(),
                        e);
            }
        }

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

    /**
     * The characteristic each feature of camera {@code index} feeds: the camera's own entries over the defaults. A
     * bad id fails at start-up, naming the entry.
     */
    Map<String, CharacteristicId> characteristicOfFeature(int index) {
        Map<String, CharacteristicId> mapped = new LinkedHashMap<>();
        characteristics.forEach((feature, id) -> mapped.put(feature,
                characteristicId("cncvision.vision.characteristics." + feature, id)));
        cameras.get(index).characteristics().forEach((feature, id) -> mapped.put(feature,
                characteristicId("cncvision.vision.cameras[" + index + "].characteristics." + feature, id)));
        return mapped;
    }

    /** What is done with camera {@code index}'s frames, checked; null when they are only counted. */
    Inspection inspection(int index) {
        Inspection own = cameras.get(index).inspection();
        if (own == null && inspection == null) {
            return null;
        }
        String field = own == null ? "cncvision.vision.inspection" : "cncvision.vision.cameras[" + index + "].inspection";
        return (own == null ? inspection : own.over(inspection)).checked(field);
    }

    private static CharacteristicId characteristicId(String field, String id) {
        try {
            return CharacteristicId.of(id);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + ": " + e.getMessage(), e);
        }
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
