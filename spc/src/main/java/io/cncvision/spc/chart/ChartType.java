package io.cncvision.spc.chart;

import java.util.Arrays;

/** The charts offered, named as on the command line ({@code --chart xbar-r}). */
public enum ChartType {
    XBAR_R("xbar-r", true),
    XBAR_S("xbar-s", true),
    IMR("imr", true),
    EWMA("ewma", true),
    CUSUM("cusum", true),
    P("p", false),
    NP("np", false),
    C("c", false),
    U("u", false);

    private final String id;
    private final boolean variables;

    ChartType(String id, boolean variables) {
        this.id = id;
        this.variables = variables;
    }

    /** The name used on the command line and in the JSON output. */
    public String id() {
        return id;
    }

    /** True for charts of measurements (Subgroup input), false for counts (AttributeSample input). */
    public boolean isVariables() {
        return variables;
    }

    public static ChartType fromId(String id) {
        return Arrays.stream(values()).filter(type -> type.id.equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown chart " + id + "; known: "
                        + Arrays.stream(values()).map(ChartType::id).toList()));
    }
}
