package io.cncvision.vision.inspection;

import io.cncvision.api.part.InspectionDefect;
import io.cncvision.api.part.InspectionMeasurement;
import io.cncvision.api.part.InspectionResult;
import io.cncvision.api.value.CalibrationId;
import io.cncvision.api.value.Serial;
import io.cncvision.api.value.Sha256;
import io.cncvision.vision.camera.Frame;
import io.cncvision.vision.code.PartIdentifier;
import io.cncvision.vision.defect.DefectClassification;
import io.cncvision.vision.defect.DefectClassifier;
import io.cncvision.vision.gauge.GaugeException;
import io.cncvision.vision.gauge.GreyImage;
import io.cncvision.vision.gauge.GreyImages;
import io.cncvision.vision.gauge.RecipeGauge;
import io.cncvision.vision.storage.ImageStore;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One frame to one inspected part: the recipe's features gauged in millimetres, the serial read from
 * the part's code (or its machine's cycle), and, where a surface region is configured, a defect found
 * on it and classified.
 *
 * <p>The defect model knows six kinds of defect and no "good surface", so it is asked only about a
 * surface that shows texture: a surface whose grey levels spread more than {@code textureThreshold}
 * (standard deviation) is one with a defect, which the model then names. The verdict is FAIL for a part
 * with a defect or whose features could not be gauged; whether a measured value is within its
 * specification is the characteristic's to judge, from the measurement this inspection records.
 */
public final class PartInspector {

    /**
     * A face whose grey levels spread more than this (standard deviation) shows a defect: a plain machined
     * face under diffuse light spreads a few levels, NEU-DET's defect images twenty and more.
     */
    public static final double DEFAULT_TEXTURE_THRESHOLD = 8;

    /** Where the inspector looks for what, and what it trusts. */
    public record Settings(RecipeGauge gauge, PartIdentifier identifier, DefectClassifier classifier,
                           Rectangle surfaceRegion, double textureThreshold, CalibrationId calibrationId) {
    }

    private final Settings settings;
    private final ImageStore images;

    /** {@code images} may be null: the inspection then names no image. */
    public PartInspector(Settings settings, ImageStore images) {
        this.settings = settings;
        this.images = images;
    }

    public InspectedPart inspect(Frame frame) throws IOException {
        List<InspectionMeasurement> measurements = new ArrayList<>();
        boolean gauged = true;
        try {
            GreyImage grey = GreyImages.of(frame.image());
            for (Map.Entry<String, Double> feature : settings.gauge().measure(grey).entrySet()) {
                measurements.add(new InspectionMeasurement(feature.getKey(), feature.getValue(), "mm"));
            }
        } catch (GaugeException e) {
            gauged = false;
        }
        Serial serial = settings.identifier().identify(frame).map(PartIdentifier.Identification::serial).orElse(null);
        List<InspectionDefect> defects = new ArrayList<>();
        Sha256 model = null;
        if (settings.classifier() != null && settings.surfaceRegion() != null) {
            model = Sha256.of(settings.classifier().modelSha256());
            BufferedImage surface = crop(frame.image(), settings.surfaceRegion());
            if (textureSpread(surface) > settings.textureThreshold()) {
                DefectClassification found = settings.classifier().classify(surface);
                Rectangle r = settings.surfaceRegion();
                defects.add(new InspectionDefect(found.label(), found.confidence(),
                        new InspectionDefect.Box(r.x, r.y, r.width, r.height)));
            }
        }
        InspectionResult verdict = gauged && defects.isEmpty() ? InspectionResult.PASS : InspectionResult.FAIL;
        Sha256 image = images == null ? null : images.put(frame.image());
        return new InspectedPart(frame.camera(), frame.frameId(), frame.capturedAt(), serial, verdict, measurements,
                defects, image, settings.calibrationId(), model);
    }

    private static BufferedImage crop(BufferedImage image, Rectangle region) {
        Rectangle inside = region.intersection(new Rectangle(0, 0, image.getWidth(), image.getHeight()));
        if (inside.isEmpty()) {
            throw new IllegalArgumentException("surface region " + region + " lies outside the " + image.getWidth()
                    + "x" + image.getHeight() + " frame");
        }
        return image.getSubimage(inside.x, inside.y, inside.width, inside.height);
    }

    /** The standard deviation of the region's grey levels. */
    static double textureSpread(BufferedImage region) {
        GreyImage grey = GreyImages.of(region);
        byte[] pixels = grey.pixels();
        double sum = 0;
        double squares = 0;
        for (byte b : pixels) {
            int v = b & 0xff;
            sum += v;
            squares += (double) v * v;
        }
        double mean = sum / pixels.length;
        return Math.sqrt(Math.max(0, squares / pixels.length - mean * mean));
    }
}
