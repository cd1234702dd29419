package io.cncvision.projection.spc;

import io.cncvision.api.spc.FindSpcCapability;
import io.cncvision.api.spc.SpcCapabilityView;
import io.cncvision.spc.capability.Capability;
import io.cncvision.spc.capability.CapabilityResult;
import io.cncvision.spc.capability.SpecLimits;
import io.cncvision.spc.chart.ChartType;
import io.cncvision.spc.chart.Subgroup;
import io.cncvision.spc.chart.VariablesCharts;
import java.sql.Array;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Capability of the subgroups held by the chart read model, worked out by the {@code spc} module: the
 * within sigma from the subgroups' mean range (or, for single values, mean moving range) over d2.
 */
public final class ChartCapability {

    private final NamedParameterJdbcTemplate jdbc;

    public ChartCapability(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Null when the characteristic is unknown; refuses a range without enough measurements. */
    public SpcCapabilityView of(FindSpcCapability query) {
        String id = query.characteristicId().value();
        List<Map<String, Object>> characteristic = jdbc.queryForList(
                "SELECT lsl, usl, nominal, chart FROM readmodel.characteristic WHERE characteristic_id = :id",
                Map.of("id", id));
        if (characteristic.isEmpty()) {
            return null;
        }
        String chart = (String) characteristic.get(0).get("chart");
        if (!ChartType.fromId(chart).isVariables()) {
            throw new IllegalArgumentException("characteristic " + id + " is charted as " + chart
                    + ": capability needs measured values, and a " + chart + " chart records counts");
        }
        long[] range = range(query, id);
        List<double[]> subgroups = jdbc.query("""
                SELECT measured_values FROM readmodel.spc_point
                WHERE characteristic_id = :id AND subgroup BETWEEN :from AND :to ORDER BY subgroup
                """, new MapSqlParameterSource("id", id).addValue("from", range[0]).addValue("to", range[1]),
                (row, n) -> values(row.getArray("measured_values")));
        if (subgroups.size() < 2) {
            throw new IllegalArgumentException("characteristic " + id + " has " + subgroups.size()
                    + " completed subgroups between " + range[0] + " and " + range[1] + "; capability needs at least 2");
        }
        Double lsl = (Double) characteristic.get(0).get("lsl");
        Double usl = (Double) characteristic.get(0).get("usl");
        double nominal = (Double) characteristic.get(0).get("nominal");
        double[] all = subgroups.stream().flatMapToDouble(Arrays::stream).toArray();
        CapabilityResult result = Capability.of(all, sigmaWithin(subgroups), new SpecLimits(lsl, usl,
                lsl != null && usl != null ? nominal : null));
        return new SpcCapabilityView(id, range[0], Math.min(range[1], range[0] + subgroups.size() - 1), result.n(),
                lsl, usl, nominal, result.mean(), result.sigmaWithin(), result.sigmaOverall(), result.cp(),
                result.cpk(), result.pp(), result.ppk(), result.cpm(), result.method(), result.normality().pValue(),
                result.nonNormal() == null ? null : result.nonNormal().pp(),
                result.nonNormal() == null ? null : result.nonNormal().ppk(),
                result.nonNormal() == null ? null : result.nonNormal().boxCoxLambda());
    }

    /** The requested subgroups; by default the baseline of the limits in force, else every subgroup. */
    private long[] range(FindSpcCapability query, String id) {
        if (query.fromSubgroup() != null || query.toSubgroup() != null) {
            return new long[] {query.fromSubgroup() == null ? 1 : query.fromSubgroup(),
                    query.toSubgroup() == null ? Long.MAX_VALUE : query.toSubgroup()};
        }
        return jdbc.query("""
                SELECT from_subgroup, to_subgroup FROM readmodel.spc_limits WHERE characteristic_id = :id
                ORDER BY sequence_number DESC LIMIT 1
                """, Map.of("id", id), (row, n) -> new long[] {row.getLong(1), row.getLong(2)})
                .stream().findFirst().orElse(new long[] {1, Long.MAX_VALUE});
    }

    /** The within sigma the subgroups' own chart estimates: R̄/d2(n), or MR̄/d2(2) for single values. */
    static double sigmaWithin(List<double[]> subgroups) {
        List<Subgroup> charted = new ArrayList<>(subgroups.size());
        for (int i = 0; i < subgroups.size(); i++) {
            charted.add(new Subgroup(Integer.toString(i + 1), subgroups.get(i)));
        }
        return subgroups.get(0).length == 1
                ? VariablesCharts.individuals(charted, charted.size()).sigma()
                : VariablesCharts.xbarR(charted).sigma();
    }

    private static double[] values(Array array) throws SQLException {
        Double[] boxed = (Double[]) array.getArray();
        return Arrays.stream(boxed).mapToDouble(Double::doubleValue).toArray();
    }
}
