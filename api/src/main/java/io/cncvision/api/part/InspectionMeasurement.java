package io.cncvision.api.part;

import io.cncvision.api.Checks;

/** One feature measured in an inspection (a recipe's {@code outer-diameter}), with its unit ({@code mm}). */
public record InspectionMeasurement(String feature, double value, String unit) {

    public InspectionMeasurement {
        Checks.text("feature", feature, 64);
        Checks.finite("value", value);
        Checks.text("unit", unit, 16);
    }
}
