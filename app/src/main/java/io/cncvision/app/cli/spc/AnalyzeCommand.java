package io.cncvision.app.cli.spc;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.cncvision.spc.analysis.SpcAnalysis;
import io.cncvision.spc.capability.CapabilityResult;
import io.cncvision.spc.capability.Interval;
import io.cncvision.spc.capability.SpecLimits;
import io.cncvision.spc.chart.ChartPoint;
import io.cncvision.spc.chart.ChartResult;
import io.cncvision.spc.chart.ChartType;
import io.cncvision.spc.chart.SecondaryChart;
import io.cncvision.spc.rules.RuleSet;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code cncvision spc analyze}: a control chart of a CSV file with its run-rule signals and, given a
 * specification, the capability of the phase-I data, as JSON on standard output. A malformed file or
 * option ends with status 2 and a message naming the line, and nothing on standard output.
 */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = {"Control chart, run rules and capability of a CSV file; JSON on stdout.",
                "Variables charts (xbar-r, xbar-s, imr, ewma, cusum) read 'subgroup,value' rows: consecutive rows",
                "with one label form a subgroup (imr: each row is a point; subgroup may be absent).",
                "Attribute charts (p, np, c, u) read 'subgroup,count,size' rows."})
public class AnalyzeCommand implements Callable<Integer> {

    static final int MALFORMED = 2;

    @Option(names = "--chart", required = true, paramLabel = "CHART",
            description = "xbar-r, xbar-s, imr, p, np, c, u, ewma or cusum")
    String chart;

    @Option(names = "--phase1", paramLabel = "N",
            description = "Control limits from the first N subgroups; every subgroup is judged against them (default: all).")
    Integer phase1;

    @Option(names = "--lsl", paramLabel = "L", description = "Lower specification limit.")
    Double lsl;

    @Option(names = "--usl", paramLabel = "U", description = "Upper specification limit.")
    Double usl;

    @Option(names = "--target", paramLabel = "T", description = "Target, for Cpm.")
    Double target;

    @Option(names = "--rules", defaultValue = "nelson", paramLabel = "RULES",
            description = "nelson (default), western-electric or none")
    String rules;

    @Parameters(paramLabel = "FILE.csv", description = "The data file.")
    Path file;

    PrintStream out = System.out;
    PrintStream err = System.err;

    @Override
    public Integer call() throws IOException {
        SpcAnalysis.Result result;
        try {
            result = analyze();
        } catch (SpcCsv.MalformedCsvException | IllegalArgumentException e) {
            err.println("cncvision spc analyze: " + file + ": " + e.getMessage());
            return MALFORMED;
        } catch (IOException e) {
            err.println("cncvision spc analyze: cannot read " + file + ": " + e.getMessage());
            return MALFORMED;
        }
        ByteArrayOutputStream json = new ByteArrayOutputStream(64 * 1024);
        write(result, json);
        out.write(json.toByteArray());
        out.println();
        out.flush();
        return 0;
    }

    private SpcAnalysis.Result analyze() throws IOException, SpcCsv.MalformedCsvException {
        ChartType type = ChartType.fromId(chart);
        RuleSet ruleSet = RuleSet.parse(rules);
        OptionalInt baseline = phase1 == null ? OptionalInt.empty() : OptionalInt.of(phase1);
        SpecLimits spec = lsl == null && usl == null ? null : new SpecLimits(lsl, usl, target);
        if (spec == null && target != null) {
            throw new IllegalArgumentException("--target needs --lsl or --usl");
        }
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            if (type.isVariables()) {
                return SpcAnalysis.ofVariables(type, SpcCsv.subgroups(reader, type == ChartType.IMR), baseline,
                        ruleSet, spec);
            }
            if (spec != null) {
                throw new IllegalArgumentException("capability (--lsl, --usl) needs measured values, not the counts of a "
                        + type.id() + " chart");
            }
            return SpcAnalysis.ofAttributes(type, SpcCsv.samples(reader), baseline, ruleSet);
        }
    }

    private static void write(SpcAnalysis.Result result, ByteArrayOutputStream target) throws IOException {
        ChartResult chart = result.chart();
        try (JsonGenerator json = new JsonFactory().createGenerator(target, JsonEncoding.UTF8)) {
            json.writeStartObject();
            json.writeStringField("chart", chart.chart());
            json.writeNumberField("subgroups", chart.subgroups());
            json.writeNumberField("phase1", chart.phase1());
            json.writeNumberField("center", chart.center());
            json.writeNumberField("lcl", chart.lcl());
            json.writeNumberField("ucl", chart.ucl());
            json.writeNumberField("sigma", chart.sigma());
            SecondaryChart secondary = chart.secondary();
            if (secondary != null) {
                json.writeObjectFieldStart("secondary");
                json.writeStringField("chart", secondary.chart());
                json.writeNumberField("center", secondary.center());
                json.writeNumberField("lcl", secondary.lcl());
                json.writeNumberField("ucl", secondary.ucl());
                json.writeEndObject();
            }
            json.writeArrayFieldStart("points");
            List<ChartPoint> points = chart.points();
            for (int i = 0; i < points.size(); i++) {
                ChartPoint point = points.get(i);
                json.writeStartObject();
                json.writeStringField("subgroup", point.label());
                json.writeNumberField("value", point.value());
                json.writeNumberField("lcl", point.lcl());
                json.writeNumberField("ucl", point.ucl());
                json.writeArrayFieldStart("signals");
                for (String signal : result.signals().get(i)) {
                    json.writeString(signal);
                }
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndArray();
            if (result.capability() != null) {
                writeCapability(json, result.capability());
            }
            json.writeEndObject();
        }
    }

    private static void writeCapability(JsonGenerator json, CapabilityResult capability) throws IOException {
        json.writeObjectFieldStart("capability");
        number(json, "cp", capability.cp());
        number(json, "cpk", capability.cpk());
        number(json, "pp", capability.pp());
        number(json, "ppk", capability.ppk());
        number(json, "cpm", capability.cpm());
        json.writeStringField("method", capability.method());
        json.writeNumberField("n", capability.n());
        json.writeNumberField("mean", capability.mean());
        json.writeNumberField("sigmaWithin", capability.sigmaWithin());
        json.writeNumberField("sigmaOverall", capability.sigmaOverall());
        json.writeObjectFieldStart("confidence95");
        interval(json, "cp", capability.cpCi());
        interval(json, "cpk", capability.cpkCi());
        interval(json, "pp", capability.ppCi());
        interval(json, "ppk", capability.ppkCi());
        json.writeEndObject();
        json.writeObjectFieldStart("normality");
        json.writeStringField("test", "anderson-darling");
        json.writeNumberField("a2", capability.normality().a2Star());
        json.writeNumberField("pValue", capability.normality().pValue());
        json.writeBooleanField("rejected", capability.normality().rejected());
        json.writeEndObject();
        if (capability.nonNormal() != null) {
            json.writeObjectFieldStart("nonNormal");
            number(json, "pp", capability.nonNormal().pp());
            number(json, "ppk", capability.nonNormal().ppk());
            number(json, "lambda", capability.nonNormal().boxCoxLambda());
            json.writeEndObject();
        }
        json.writeEndObject();
    }

    private static void number(JsonGenerator json, String name, Double value) throws IOException {
        if (value == null) {
            json.writeNullField(name);
        } else {
            json.writeNumberField(name, value);
        }
    }

    private static void interval(JsonGenerator json, String name, Interval interval) throws IOException {
        if (interval == null) {
            json.writeNullField(name);
            return;
        }
        json.writeArrayFieldStart(name);
        json.writeNumber(interval.lower());
        json.writeNumber(interval.upper());
        json.writeEndArray();
    }
}
