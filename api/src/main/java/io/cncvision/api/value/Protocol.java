package io.cncvision.api.value;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How the platform talks to a machine. */
public enum Protocol {
    OPCUA,
    MODBUS,
    MTCONNECT,
    /** Reported by people or scripts through the API, no connector. */
    MANUAL;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Protocol fromCode(String code) {
        return Arrays.stream(values())
                .filter(p -> p.name().equalsIgnoreCase(code))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("protocol '" + code + "' is not one of "
                        + Arrays.stream(values()).map(Protocol::code).collect(Collectors.joining(", "))));
    }
}
