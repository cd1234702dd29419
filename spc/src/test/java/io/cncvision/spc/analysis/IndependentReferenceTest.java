package io.cncvision.spc.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cncvision.spc.capability.CapabilityResult;
import io.cncvision.spc.capability.Interval;
import io.cncvision.spc.capability.SpecLimits;
import io.cncvision.spc.chart.AttributeSample;
import io.cncvision.spc.chart.ChartPoint;
import io.cncvision.spc.chart.ChartResult;
import io.cncvision.spc.chart.ChartType;
import io.cncvision.spc.chart.SecondaryChart;
import io.cncvision.spc.chart.Subgroup;
import io.cncvision.spc.rules.RuleSet;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every figure of {@link SpcAnalysis} on our own data sets against an independent implementation in R
 * ({@code src/test/reference/generate.R}, see {@code src/test/resources/reference/README.md}): limits,
 * points, secondary charts, capability and run-rule signals.
 */
class IndependentReferenceTest {

    private static final double RELATIVE = 1e-9;
    private static final double ABSOLUTE_NEAR_ZERO = 1e-12;

    static Stream<String> cases() throws IOException, URISyntaxException {
        Path directory = Path.of(IndependentReferenceTest.class.getResource("/reference").toURI());
        try (Stream<Path> files = Files.list(directory)) {
            List<String> cases = files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".expected.json"))
                    .map(name -> name.substring(0, name.length() - ".expected.json".length()))
                    .sorted()
                    .toList();
            assertThat(cases).hasSizeGreaterThanOrEqualTo(10);
            return cases.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesTheIndependentReferenceInEveryFigure(String name) throws Exception {
        JsonNode expected = new ObjectMapper().readTree(resource(name + ".expected.json").toFile());
        JsonNode arguments = expected.get("arguments");
        ChartType type = ChartType.fromId(arguments.get("chart").asText());
        OptionalInt phase1 = arguments.get("phase1").isNull() ? OptionalInt.empty()
                : OptionalInt.of(arguments.get("phase1").asInt());
        RuleSet rules = RuleSet.parse(arguments.get("rules").asText());
        List<String> csv = Files.readAllLines(resource(name + ".csv"));

        SpcAnalysis.Result result = type.isVariables()
                ? SpcAnalysis.ofVariables(type, subgroups(csv, type == ChartType.IMR), phase1, rules, spec(arguments))
                : SpcAnalysis.ofAttributes(type, samples(csv), phase1, rules);

        Mismatches mismatches = new Mismatches();
        chart(mismatches, expected, result);
        capability(mismatches, expected.get("capability"), result.capability());
        assertThat(mismatches.found).as(name).isEmpty();
    }

    private static void chart(Mismatches m, JsonNode expected, SpcAnalysis.Result result) {
        ChartResult chart = result.chart();
        m.text("chart", expected.get("chart"), chart.chart());
        m.number("subgroups", expected.get("subgroups"), chart.subgroups());
        m.number("phase1", expected.get("phase1"), chart.phase1());
        m.number("center", expected.get("center"), chart.center());
        m.number("lcl", expected.get("lcl"), chart.lcl());
        m.number("ucl", expected.get("ucl"), chart.ucl());
        m.number("sigma", expected.get("sigma"), chart.sigma());

        JsonNode points = expected.get("points");
        m.number("number of points", points.size(), chart.points().size());
        for (int i = 0; i < Math.min(points.size(), chart.points().size()); i++) {
            JsonNode point = points.get(i);
            ChartPoint actual = chart.points().get(i);
            String at = "points[" + i + "].";
            pointFigures(m, at, point, actual);
            List<String> signals = new ArrayList<>();
            point.get("signals").forEach(signal -> signals.add(signal.asText()));
            if (!signals.equals(result.signals().get(i))) {
                m.found.add(at + "signals: expected " + signals + ", got " + result.signals().get(i));
            }
        }

        JsonNode secondary = expected.get("secondary");
        SecondaryChart actual = chart.secondary();
        if (secondary == null || actual == null) {
            if ((secondary == null) != (actual == null)) {
                m.found.add("secondary: expected " + secondary + ", got " + actual);
            }
            return;
        }
        m.text("secondary.chart", secondary.get("chart"), actual.chart());
        m.number("secondary.center", secondary.get("center"), actual.center());
        m.number("secondary.lcl", secondary.get("lcl"), actual.lcl());
        m.number("secondary.ucl", secondary.get("ucl"), actual.ucl());
        JsonNode secondaryPoints = secondary.get("points");
        m.number("number of secondary points", secondaryPoints.size(), actual.points().size());
        for (int i = 0; i < Math.min(secondaryPoints.size(), actual.points().size()); i++) {
            pointFigures(m, "secondary.points[" + i + "].", secondaryPoints.get(i), actual.points().get(i));
        }
    }

    private static void pointFigures(Mismatches m, String at, JsonNode expected, ChartPoint actual) {
        m.text(at + "subgroup", expected.get("subgroup"), actual.label());
        m.number(at + "value", expected.get("value"), actual.value());
        m.number(at + "lcl", expected.get("lcl"), actual.lcl());
        m.number(at + "ucl", expected.get("ucl"), actual.ucl());
    }

    private static void capability(Mismatches m, JsonNode expected, CapabilityResult actual) {
        if (expected == null || actual == null) {
            if (expected != null || actual != null) {
                m.found.add("capability: expected " + expected + ", got " + actual);
            }
            return;
        }
        m.optional("capability.cp", expected.get("cp"), actual.cp());
        m.optional("capability.cpk", expected.get("cpk"), actual.cpk());
        m.optional("capability.pp", expected.get("pp"), actual.pp());
        m.optional("capability.ppk", expected.get("ppk"), actual.ppk());
        m.optional("capability.cpm", expected.get("cpm"), actual.cpm());
        m.text("capability.method", expected.get("method"), actual.method());
        m.number("capability.n", expected.get("n"), actual.n());
        m.number("capability.mean", expected.get("mean"), actual.mean());
        m.number("capability.sigmaWithin", expected.get("sigmaWithin"), actual.sigmaWithin());
        m.number("capability.sigmaOverall", expected.get("sigmaOverall"), actual.sigmaOverall());
        JsonNode intervals = expected.get("confidence95");
        m.interval("capability.confidence95.cp", intervals.get("cp"), actual.cpCi());
        m.interval("capability.confidence95.cpk", intervals.get("cpk"), actual.cpkCi());
        m.interval("capability.confidence95.pp", intervals.get("pp"), actual.ppCi());
        m.interval("capability.confidence95.ppk", intervals.get("ppk"), actual.ppkCi());
        JsonNode normality = expected.get("normality");
        m.number("capability.normality.a2", normality.get("a2"), actual.normality().a2Star());
        m.number("capability.normality.pValue", normality.get("pValue"), actual.normality().pValue());
        if (normality.get("rejected").asBoolean() != actual.normality().rejected()) {
            m.found.add("capability.normality.rejected: expected " + normality.get("rejected"));
        }
        JsonNode nonNormal = expected.get("nonNormal");
        if (nonNormal == null || actual.nonNormal() == null) {
            if (nonNormal != null || actual.nonNormal() != null) {
                m.found.add("capability.nonNormal: expected " + nonNormal + ", got " + actual.nonNormal());
            }
            return;
        }
        m.optional("capability.nonNormal.pp", nonNormal.get("pp"), actual.nonNormal().pp());
        m.optional("capability.nonNormal.ppk", nonNormal.get("ppk"), actual.nonNormal().ppk());
        m.optional("capability.nonNormal.lambda", nonNormal.get("lambda"), actual.nonNormal().boxCoxLambda());
    }

    /** Every figure that differs, so one run shows the whole picture rather than the first difference. */
    private static final class Mismatches {

        final List<String> found = new ArrayList<>();

        void number(String what, JsonNode expected, double actual) {
            number(what, expected.asDouble(), actual);
        }

        void number(String what, double expected, double actual) {
            double error = Math.abs(actual - expected);
            if (!(error <= ABSOLUTE_NEAR_ZERO || error <= RELATIVE * Math.abs(expected))) {
                found.add(what + ": expected " + expected + ", got " + actual + " (relative error "
                        + error / Math.abs(expected) + ")");
            }
        }

        void optional(String what, JsonNode expected, Double actual) {
            if (expected == null || expected.isNull() || actual == null) {
                if (!(expected == null || expected.isNull()) || actual != null) {
                    found.add(what + ": expected " + expected + ", got " + actual);
                }
                return;
            }
            number(what, expected, actual);
        }

        void interval(String what, JsonNode expected, Interval actual) {
            if (expected.isNull() || actual == null) {
                if (!expected.isNull() || actual != null) {
                    found.add(what + ": expected " + expected + ", got " + actual);
                }
                return;
            }
            number(what + "[0]", expected.get(0), actual.lower());
            number(what + "[1]", expected.get(1), actual.upper());
        }

        void text(String what, JsonNode expected, String actual) {
            if (!expected.asText().equals(actual)) {
                found.add(what + ": expected " + expected.asText() + ", got " + actual);
            }
        }
    }

    private static SpecLimits spec(JsonNode arguments) {
        Double lsl = optionalNumber(arguments.get("lsl"));
        Double usl = optionalNumber(arguments.get("usl"));
        Double target = optionalNumber(arguments.get("target"));
        return lsl == null && usl == null ? null : new SpecLimits(lsl, usl, target);
    }

    private static Double optionalNumber(JsonNode node) {
        return node == null || node.isNull() ? null : node.asDouble();
    }

    private static Path resource(String file) {
        try {
            return Path.of(IndependentReferenceTest.class.getResource("/reference/" + file).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * {@code subgroup,value} rows as the command line reads them: consecutive rows with one label
     * form a subgroup, or with {@code eachRowAlone} (imr) every row is its own.
     */
    private static List<Subgroup> subgroups(List<String> lines, boolean eachRowAlone) {
        assertThat(lines.get(0)).isEqualTo("subgroup,value");
        List<Subgroup> subgroups = new ArrayList<>();
        String label = null;
        double[] values = new double[0];
        for (String line : lines.subList(1, lines.size())) {
            String[] fields = line.split(",", -1);
            double value = Double.parseDouble(fields[1]);
            if (label != null && (eachRowAlone || !fields[0].equals(label))) {
                subgroups.add(new Subgroup(label, values));
                values = new double[0];
            }
            label = fields[0];
            values = Arrays.copyOf(values, values.length + 1);
            values[values.length - 1] = value;
        }
        subgroups.add(new Subgroup(label, values));
        return subgroups;
    }

    /** {@code subgroup,count,size} rows, one sample each. */
    private static List<AttributeSample> samples(List<String> lines) {
        assertThat(lines.get(0)).isEqualTo("subgroup,count,size");
        return lines.subList(1, lines.size()).stream()
                .map(line -> line.split(",", -1))
                .map(fields -> new AttributeSample(fields[0], Double.parseDouble(fields[1]), Double.parseDouble(fields[2])))
                .toList();
    }
}
