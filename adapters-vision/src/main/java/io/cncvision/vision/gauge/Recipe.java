package io.cncvision.vision.gauge;

import java.util.List;
import java.util.Objects;

/** A named list of features to measure on a part's image. */
public record Recipe(String name, List<Feature> features) {

    /** The built-in recipe of a backlit turned ring: outer and bore diameters, searched anywhere. */
    public static final Recipe RING = new Recipe("ring", List.of(
            Feature.of("outer-diameter", FeatureType.OUTER_DIAMETER),
            Feature.of("bore-diameter", FeatureType.BORE_DIAMETER)));

    public Recipe {
        Objects.requireNonNull(name, "name");
        features = List.copyOf(features);
        if (features.isEmpty()) {
            throw new IllegalArgumentException("a recipe needs at least one feature");
        }
        if (features.stream().map(Feature::name).distinct().count() != features.size()) {
            throw new IllegalArgumentException("feature names must be unique");
        }
    }
}
