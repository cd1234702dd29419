package io.cncvision.api.part;

import io.cncvision.api.Checks;
import io.cncvision.api.value.CharacteristicId;

/**
 * One feature measured in an inspection (a recipe's {@code outer-diameter}), with its unit ({@code mm}) and the
 * characteristic the measurement was recorded on, null where it fed none (and in events recorded before it was
 * named).
 */
public record InspectionMeasurement(String feature, double value, String unit, CharacteristicId characteristicId) {

    public InspectionMeasurement {
        Checks.text("feature", feature, 64);
        Checks.finite("value", value);
        Checks.text("unit", unit, 16);
    }

    /** A measurement that feeds no characteristic (yet). */
    public InspectionMeasurement(String feature, double value, String unit) {
        this(feature, value, unit, null);
    }

    /** This measurement, recorded on {@code characteristic}. */
    public InspectionMeasurement on(CharacteristicId characteristic) {
        return new InspectionMeasurement(feature, value, unit, characteristic);
    }
}
