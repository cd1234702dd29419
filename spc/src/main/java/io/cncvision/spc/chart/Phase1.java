package io.cncvision.spc.chart;

import java.util.List;

/** Checks shared by every chart: a non-empty series and a baseline length within it. */
final class Phase1 {

    private Phase1() {
    }

    static void check(List<?> subgroups, int phase1, int minimum, String chart) {
        if (subgroups == null || subgroups.isEmpty()) {
            throw new IllegalArgumentException(chart + " chart needs at least one subgroup");
        }
        if (phase1 < minimum || phase1 > subgroups.size()) {
            throw new IllegalArgumentException(chart + " chart: phase1 must be between " + minimum + " and "
                    + subgroups.size() + " (the number of subgroups), got " + phase1);
        }
    }

    /** The common size of all subgroups; refuses, naming the first subgroup that differs. */
    static int equalSize(List<Subgroup> subgroups, String chart) {
        int size = subgroups.get(0).size();
        for (Subgroup subgroup : subgroups) {
            if (subgroup.size() != size) {
                throw new IllegalArgumentException(chart + " chart needs subgroups of equal size: subgroup "
                        + subgroup.label() + " has " + subgroup.size() + " values, subgroup "
                        + subgroups.get(0).label() + " has " + size);
            }
        }
        return size;
    }
}
