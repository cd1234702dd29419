package io.cncvision.api.value;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The control chart a characteristic is watched on. */
public enum ChartType {
    XBAR_R("xbar-r", true),
    XBAR_S("xbar-s", true),
    IMR("imr", true),
    P("p", false),
    NP("np", false),
    C("c", false),
    U("u", false),
    EWMA("ewma", true),
    CUSUM("cusum", true);

    private final String code;
    private final boolean variables;

    ChartType(String code, boolean variables) {
        this.code = code;
        this.variables = variables;
    }

    @JsonValue
    public String code() {
        return code;
    }

    /** True for charts of measured values, false for attribute (count) charts. */
    public boolean isVariables() {
        return variables;
    }

    @JsonCreator
    public static ChartType fromCode(String code) {
        return Arrays.stream(values())
                .filter(t -> t.code.equalsIgnoreCase(code) || t.name().equalsIgnoreCase(code))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("chart '" + code + "' is not one of "
                        + Arrays.stream(values()).map(ChartType::code).collect(Collectors.joining(", "))));
    }
}
