package io.cncvision.app.vision;

import io.cncvision.api.gauge.CalibrationView;
import io.cncvision.api.value.CalibrationId;
import io.cncvision.api.value.GaugeId;
import io.cncvision.vision.camera.Frame;
import io.cncvision.vision.camera.FrameProcessor;
import io.cncvision.vision.code.PartIdentifier;
import io.cncvision.vision.code.SerialFallback;
import io.cncvision.vision.defect.DefectClassifier;
import io.cncvision.vision.gauge.LensModel;
import io.cncvision.vision.gauge.Recipe;
import io.cncvision.vision.gauge.RecipeException;
import io.cncvision.vision.gauge.RecipeGauge;
import io.cncvision.vision.gauge.Recipes;
import io.cncvision.vision.inspection.InspectionPublisher;
import io.cncvision.vision.inspection.PartInspector;
import io.cncvision.vision.storage.ImageStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.awt.Rectangle;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Inspects each camera's frames as that camera is configured, with the camera's calibration in force: its scale
 * and lens, and its id, which every inspection and measurement names. A camera with no recorded calibration is a
 * gauge that has not been calibrated: its frames are counted and not inspected, and a warning says so once.
 *
 * <p>Each worker has its own inspector per camera (a code reader keeps state), made anew when the camera's
 * calibration changes; the defect model is shared.
 */
final class CameraInspections implements FrameProcessor, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CameraInspections.class);

    /** How one camera's frames are inspected, but for the calibration. */
    private record Setup(Recipe recipe, Rectangle codeRegion, DefectClassifier classifier, Rectangle surfaceRegion,
                         double textureThreshold) {
    }

    /** A worker's inspector for one camera, and the calibration it was made for. */
    private record Inspector(CalibrationId calibration, PartInspector inspector) {
    }

    private final Map<GaugeId, Setup> setups = new HashMap<>();
    private final Map<Path, DefectClassifier> classifiers = new HashMap<>();
    private final CalibrationsInForce calibrations;
    private final SerialFallback fallback;
    private final InspectionPublisher publisher;
    private final ImageStore images;
    private final ThreadLocal<Map<GaugeId, Inspector>> inspectors = ThreadLocal.withInitial(HashMap::new);
    private final Set<GaugeId> warnedUncalibrated = ConcurrentHashMap.newKeySet();
    private final Map<GaugeId, CalibrationId> announced = new ConcurrentHashMap<>();
    private final Counter inspected;
    private final Counter unprocessed;
    private final MeterRegistry meters;

    CameraInspections(VisionProperties properties, CalibrationsInForce calibrations, SerialFallback fallback,
                      InspectionPublisher publisher, ImageStore images, MeterRegistry meters) throws RecipeException {
        this.calibrations = calibrations;
        this.fallback = fallback;
        this.publisher = publisher;
        this.images = images;
        this.meters = meters;
        this.inspected = Counter.builder("cncvision.vision.parts.inspected").register(meters);
        this.unprocessed = Counter.builder("cncvision.vision.frames.unprocessed")
                .description("Frames read from a camera with no inspection configured").register(meters);
        for (int i = 0; i < properties.cameras().size(); i++) {
            VisionProperties.Inspection inspection = properties.inspection(i);
            if (inspection == null) {
                continue;
            }
            String field = "cncvision.vision.cameras[" + i + "]";
            DefectClassifier classifier = inspection.model() == null ? null
                    : classifiers.computeIfAbsent(inspection.model().toAbsolutePath().normalize(), DefectClassifier::load);
            setups.put(properties.cameras().get(i).gaugeId(i), new Setup(Recipes.byNameOrFile(inspection.recipe()),
                    VisionProperties.Inspection.region(field + ".code-region", inspection.codeRegion()), classifier,
                    VisionProperties.Inspection.region(field + ".surface-region", inspection.surfaceRegion()),
                    inspection.textureThreshold() == null ? PartInspector.DEFAULT_TEXTURE_THRESHOLD
                            : inspection.textureThreshold()));
        }
    }

    /** Whether any camera's frames are inspected. */
    boolean inspectsAny() {
        return !setups.isEmpty();
    }

    @Override
    public void process(Frame frame) throws Exception {
        Setup setup = setups.get(frame.camera());
        if (setup == null) {
            unprocessed.increment();
            return;
        }
        Optional<CalibrationView> calibration = calibrations.of(frame.camera());
        if (calibration.isEmpty()) {
            uncalibrated(frame.camera());
            return;
        }
        PartInspector inspector = inspector(frame.camera(), setup, calibration.get());
        publisher.publish(inspector.inspect(frame));
        inspected.increment();
    }

    private PartInspector inspector(GaugeId camera, Setup setup, CalibrationView calibration) {
        CalibrationId id = CalibrationId.of(calibration.calibrationId());
        Map<GaugeId, Inspector> own = inspectors.get();
        Inspector current = own.get(camera);
        if (current == null || !current.calibration.equals(id)) {
            RecipeGauge gauge = new RecipeGauge(setup.recipe(), calibration.mmPerPixel(),
                    new LensModel(calibration.cameraMatrix(), calibration.distortionCoefficients()));
            current = new Inspector(id, new PartInspector(new PartInspector.Settings(gauge,
                    new PartIdentifier(fallback, setup.codeRegion()), setup.classifier(), setup.surfaceRegion(),
                    setup.textureThreshold(), id), images));
            own.put(camera, current);
            warnedUncalibrated.remove(camera);
            if (!id.equals(announced.put(camera, id))) {
                log.info("camera {}: inspecting with calibration {} ({} mm per pixel)", camera, id,
                        calibration.mmPerPixel());
            }
        }
        return current.inspector;
    }

    private void uncalibrated(GaugeId camera) {
        Counter.builder("cncvision.vision.frames.uncalibrated")
                .description("Frames not inspected because their camera has no recorded calibration")
                .tag("camera", camera.value()).register(meters).increment();
        if (warnedUncalibrated.add(camera)) {
            log.warn("camera {} has no recorded calibration: its frames are counted but not inspected until it is"
                    + " calibrated (POST /api/v1/gauges/{}/calibrations)", camera, camera);
        }
    }

    @Override
    public void close() {
        classifiers.values().forEach(DefectClassifier::close);
    }
}
