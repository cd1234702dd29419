package io.cncvision.vision.gauge;

import java.util.Arrays;
import java.util.stream.Collectors;

/** What a recipe feature measures. */
public enum FeatureType {
    /** Diameter of the outer edge of a backlit ring. */
    OUTER_DIAMETER("outer-diameter"),
    /** Diameter of the bore of a backlit ring. */
    BORE_DIAMETER("bore-diameter");

    private final String id;

    FeatureType(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** The type named {@code id} in a recipe. */
    public static FeatureType fromId(String id) {
        for (FeatureType type : values()) {
            if (type.id.equals(id)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown feature type '" + id + "', expected one of " + ids());
    }

    static String ids() {
        return Arrays.stream(values()).map(FeatureType::id).collect(Collectors.joining(", "));
    }
}
