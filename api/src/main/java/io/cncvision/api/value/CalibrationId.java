package io.cncvision.api.value;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The id of one calibration of a gauge, which every measurement made with it names: URL-safe, 1-64 characters. */
public record CalibrationId(@JsonValue String value) {

    public CalibrationId {
        Ids.slug("calibration id", value);
    }

    @JsonCreator
    public static CalibrationId of(String value) {
        return new CalibrationId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
