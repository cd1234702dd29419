package io.cncvision.vision.gauge;

import java.util.LinkedHashMap;
import java.util.Map;

/** Measures the features of a recipe on an image, in millimetres at a given scale. */
public final class RecipeGauge {

    private final Recipe recipe;
    private final double mmPerPixel;
    private final RingGauge ring;

    public RecipeGauge(Recipe recipe, double mmPerPixel) {
        this(recipe, mmPerPixel, null);
    }

    /**
     * {@code mmPerPixel} at the working plane after the lens's distortion is taken out; {@code lens} null to
     * measure the image as seen.
     */
    public RecipeGauge(Recipe recipe, double mmPerPixel, LensModel lens) {
        if (!(mmPerPixel > 0) || Double.isInfinite(mmPerPixel)) {
            throw new IllegalArgumentException("mm per pixel must be a positive number, was " + mmPerPixel);
        }
        this.recipe = recipe;
        this.mmPerPixel = mmPerPixel;
        this.ring = new RingGauge(ringSearch(), lens);
    }

    /** Feature name to value in millimetres, in the recipe's order. */
    public Map<String, Double> measure(GreyImage image) throws GaugeException {
        RingMeasurement m = ring.measure(image);
        Map<String, Double> values = new LinkedHashMap<>();
        for (Feature feature : recipe.features()) {
            double px = switch (feature.type()) {
                case OUTER_DIAMETER -> m.outerDiameterPx();
                case BORE_DIAMETER -> m.boreDiameterPx();
            };
            if (px < feature.minPx(mmPerPixel) || px > feature.maxPx(mmPerPixel)) {
                throw new GaugeException(feature.name() + " measured " + String.format(java.util.Locale.ROOT, "%.2f", px)
                        + " px, outside its search limits");
            }
            values.put(feature.name(), px * mmPerPixel);
        }
        return values;
    }

    public Recipe recipe() {
        return recipe;
    }

    /** The tightest limits any feature of each ring edge sets. */
    private RingSearch ringSearch() {
        double minOuter = 0;
        double maxOuter = Double.POSITIVE_INFINITY;
        double minBore = 0;
        double maxBore = Double.POSITIVE_INFINITY;
        for (Feature f : recipe.features()) {
            if (f.type() == FeatureType.OUTER_DIAMETER) {
                minOuter = Math.max(minOuter, f.minPx(mmPerPixel));
                maxOuter = Math.min(maxOuter, f.maxPx(mmPerPixel));
            } else {
                minBore = Math.max(minBore, f.minPx(mmPerPixel));
                maxBore = Math.min(maxBore, f.maxPx(mmPerPixel));
            }
        }
        if (minOuter > maxOuter || minBore > maxBore) {
            throw new IllegalArgumentException("recipe " + recipe.name() + ": features of one edge have disjoint limits");
        }
        return new RingSearch(minOuter, maxOuter, minBore, maxBore);
    }
}
