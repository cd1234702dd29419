package io.cncvision.api.characteristic;

import io.cncvision.api.value.ChartType;

/** The subgroup sizes each chart accepts. */
public final class SubgroupSizes {

    /** The largest subgroup the variables charts accept. */
    public static final int MAX = 50;

    private SubgroupSizes() {
    }

    public static void check(ChartType chart, int subgroupSize) {
        switch (chart) {
            case IMR -> {
                if (subgroupSize != 1) {
                    throw new IllegalArgumentException("subgroupSize must be 1 for an imr chart, not " + subgroupSize);
                }
            }
            case P, NP, C, U -> {
                if (subgroupSize != 1) {
                    throw new IllegalArgumentException("subgroupSize must be 1 for a " + chart.code()
                            + " chart, not " + subgroupSize + ": each recorded count is one point, its sample size"
                            + " recorded with it");
                }
            }
            case XBAR_R, XBAR_S -> {
                if (subgroupSize < 2 || subgroupSize > MAX) {
                    throw new IllegalArgumentException("subgroupSize must be 2-" + MAX + " for an "
                            + chart.code() + " chart, not " + subgroupSize);
                }
            }
            default -> {
                if (subgroupSize < 1 || subgroupSize > MAX) {
                    throw new IllegalArgumentException("subgroupSize must be 1-" + MAX + ", not " + subgroupSize);
                }
            }
        }
    }
}
