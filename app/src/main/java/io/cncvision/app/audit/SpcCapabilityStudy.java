package io.cncvision.app.audit;

import io.cncvision.audit.evidence.CapabilityStudy;
import io.cncvision.spc.capability.Capability;
import io.cncvision.spc.capability.CapabilityResult;
import io.cncvision.spc.capability.SpecLimits;
import io.cncvision.spc.chart.Subgroup;
import io.cncvision.spc.chart.VariablesCharts;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Capability for evidence packs, worked out by the {@code spc} module as the chart read model's capability is:
 * within sigma from the mean range over d2 (mean moving range for single values), overall sigma from all values.
 */
public final class SpcCapabilityStudy implements CapabilityStudy {

    @Override
    public Map<String, Object> of(List<double[]> subgroups, Double lsl, Double usl, double nominal) {
        if (subgroups.size() < 2) {
            throw new IllegalArgumentException("the period holds " + subgroups.size()
                    + " completed subgroups; capability needs at least 2");
        }
        List<Subgroup> charted = new ArrayList<>(subgroups.size());
        for (int i = 0; i < subgroups.size(); i++) {
            charted.add(new Subgroup(Integer.toString(i + 1), subgroups.get(i)));
        }
        double sigmaWithin = subgroups.get(0).length == 1
                ? VariablesCharts.individuals(charted, charted.size()).sigma()
                : VariablesCharts.xbarR(charted).sigma();
        double[] all = subgroups.stream().flatMapToDouble(Arrays::stream).toArray();
        CapabilityResult result = Capability.of(all, sigmaWithin,
                new SpecLimits(lsl, usl, lsl != null && usl != null ? nominal : null));
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("lsl", lsl);
        figures.put("usl", usl);
        figures.put("n", result.n());
        figures.put("mean", result.mean());
        figures.put("sigmaWithin", result.sigmaWithin());
        figures.put("sigmaOverall", result.sigmaOverall());
        figures.put("cp", result.cp());
        figures.put("cpk", result.cpk());
        figures.put("pp", result.pp());
        figures.put("ppk", result.ppk());
        figures.put("cpm", result.cpm());
        figures.put("method", result.method());
        return figures;
    }
}
