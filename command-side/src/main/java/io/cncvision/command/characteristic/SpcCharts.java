package io.cncvision.command.characteristic;

import io.cncvision.api.value.ChartType;
import io.cncvision.spc.chart.TimeWeightedCharts;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where the contract's chart types meet {@code spc}'s: the same charts under the same codes, and the
 * parameters the time-weighted charts take, with their defaults.
 */
final class SpcCharts {

    static final String LAMBDA = "lambda";
    static final String WIDTH = "L";
    static final String K = "k";
    static final String H = "h";
    static final String MEAN = "mean";

    private SpcCharts() {
    }

    /** The {@code spc} chart of the same code. */
    static io.cncvision.spc.chart.ChartType of(ChartType chart) {
        return io.cncvision.spc.chart.ChartType.fromId(chart.code());
    }

    /**
     * The parameters {@code chart} is established with: the given ones over the defaults (EWMA lambda
     * 0.2 and L 3, CUSUM k 0.5 and h 4). Refuses a parameter the chart does not take and values
     * out of range, naming them.
     */
    static Map<String, Double> parameters(ChartType chart, Map<String, Double> given) {
        Map<String, Double> parameters = new HashMap<>();
        switch (chart) {
            case EWMA -> {
                parameters.put(LAMBDA, TimeWeightedCharts.DEFAULT_LAMBDA);
                parameters.put(WIDTH, TimeWeightedCharts.DEFAULT_WIDTH);
            }
            case CUSUM -> {
                parameters.put(K, TimeWeightedCharts.DEFAULT_K);
                parameters.put(H, TimeWeightedCharts.DEFAULT_H);
            }
            default -> {
            }
        }
        Set<String> unknown = new TreeSet<>(given.keySet());
        unknown.removeAll(parameters.keySet());
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("parameters " + unknown + " are not taken by a " + chart.code()
                    + " chart" + (parameters.isEmpty() ? ", which takes none" : ", which takes " + new TreeSet<>(parameters.keySet())));
        }
        parameters.putAll(given);
        check(parameters, LAMBDA, parameters.getOrDefault(LAMBDA, 1.0) > 0 && parameters.getOrDefault(LAMBDA, 1.0) <= 1,
                "between 0 (exclusive) and 1");
        check(parameters, WIDTH, parameters.getOrDefault(WIDTH, 1.0) > 0, "above 0");
        check(parameters, K, parameters.getOrDefault(K, 0.0) >= 0, "at least 0");
        check(parameters, H, parameters.getOrDefault(H, 1.0) > 0, "above 0");
        return parameters;
    }

    private static void check(Map<String, Double> parameters, String name, boolean valid, String range) {
        if (!valid) {
            throw new IllegalArgumentException("parameters." + name + " must be " + range + ", not "
                    + parameters.get(name));
        }
    }
}
