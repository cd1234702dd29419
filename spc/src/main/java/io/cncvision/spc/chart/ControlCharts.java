package io.cncvision.spc.chart;

import java.util.List;
import java.util.OptionalInt;

/**
 * One entry for every chart, as the command line chooses it by name: measurements go to
 * {@link #variables}, counts to {@link #attributes}. An empty phase1 means all subgroups. EWMA and
 * CUSUM take their default parameters here (lambda 0.2, L 3; k 0.5, h 4); call
 * {@link TimeWeightedCharts} directly for others.
 */
public final class ControlCharts {

    private ControlCharts() {
    }

    /** X-bar R, X-bar S, I-MR (one value per subgroup), EWMA or CUSUM. */
    public static ChartResult variables(ChartType type, List<Subgroup> subgroups, OptionalInt phase1) {
        if (!type.isVariables()) {
            throw new IllegalArgumentException(type.id() + " chart takes counts and sizes, not measurements");
        }
        int baseline = phase1.orElse(subgroups == null ? 0 : subgroups.size());
        return switch (type) {
            case XBAR_R -> VariablesCharts.xbarR(subgroups, baseline);
            case XBAR_S -> VariablesCharts.xbarS(subgroups, baseline);
            case IMR -> VariablesCharts.individuals(subgroups, baseline);
            case EWMA -> TimeWeightedCharts.ewma(subgroups, baseline);
            case CUSUM -> TimeWeightedCharts.cusum(subgroups, baseline);
            default -> throw new IllegalStateException("unreachable: " + type);
        };
    }

    /** p, np, c or u. */
    public static ChartResult attributes(ChartType type, List<AttributeSample> samples, OptionalInt phase1) {
        if (type.isVariables()) {
            throw new IllegalArgumentException(type.id() + " chart takes measurements, not counts and sizes");
        }
        int baseline = phase1.orElse(samples == null ? 0 : samples.size());
        return switch (type) {
            case P -> AttributeCharts.p(samples, baseline);
            case NP -> AttributeCharts.np(samples, baseline);
            case C -> AttributeCharts.c(samples, baseline);
            case U -> AttributeCharts.u(samples, baseline);
            default -> throw new IllegalStateException("unreachable: " + type);
        };
    }
}
