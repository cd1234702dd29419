package io.cncvision.vision.gauge;

import java.util.Objects;

/**
 * One feature of a recipe: its name in the results, its type and optional search limits on the
 * diameter, in millimetres or pixels ({@code NaN} when absent).
 */
public record Feature(String name, FeatureType type, double minDiameterMm, double maxDiameterMm, double minDiameterPx,
                      double maxDiameterPx) {

    public Feature {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (name.isBlank()) {
            throw new IllegalArgumentException("feature name must not be blank");
        }
        checkLimits(minDiameterMm, maxDiameterMm, "mm");
        checkLimits(minDiameterPx, maxDiameterPx, "px");
    }

    /** A feature searched for anywhere. */
    public static Feature of(String name, FeatureType type) {
        return new Feature(name, type, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }

    /** The smallest diameter searched for, in pixels at this scale; 0 when unlimited. */
    double minPx(double mmPerPixel) {
        double fromMm = Double.isNaN(minDiameterMm) ? 0 : minDiameterMm / mmPerPixel;
        return Math.max(fromMm, Double.isNaN(minDiameterPx) ? 0 : minDiameterPx);
    }

    /** The largest diameter searched for, in pixels at this scale; infinite when unlimited. */
    double maxPx(double mmPerPixel) {
        double fromMm = Double.isNaN(maxDiameterMm) ? Double.POSITIVE_INFINITY : maxDiameterMm / mmPerPixel;
        return Math.min(fromMm, Double.isNaN(maxDiameterPx) ? Double.POSITIVE_INFINITY : maxDiameterPx);
    }

    private static void checkLimits(double min, double max, String unit) {
        if (min < 0 || max <= 0) {
            throw new IllegalArgumentException("diameter limits must be positive, were " + min + " and " + max + " " + unit);
        }
        if (min > max) {
            throw new IllegalArgumentException("min diameter " + min + " " + unit + " exceeds max " + max + " " + unit);
        }
    }
}
