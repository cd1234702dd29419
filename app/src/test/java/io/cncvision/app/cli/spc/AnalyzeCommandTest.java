package io.cncvision.app.cli.spc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cncvision.spc.SharedData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code cncvision spc analyze} as a user runs it: a CSV file in, JSON out, status 2 for a bad file. */
class AnalyzeCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    @Test
    void pistonRingsXbarRMatchMontgomery() throws IOException {
        Path csv = pistonRings();

        int status = run("--chart", "xbar-r", "--phase1", "25", "--lsl", "73.95", "--usl", "74.05", csv.toString());

        assertThat(status).isZero();
        JsonNode json = new ObjectMapper().readTree(stdout.toByteArray());
        assertThat(json.get("chart").asText()).isEqualTo("xbar-r");
        assertThat(json.get("subgroups").asInt()).isEqualTo(40);
        assertThat(json.get("phase1").asInt()).isEqualTo(25);
        assertThat(json.get("center").asDouble()).isCloseTo(74.001176, within(5e-7));
        assertThat(json.get("lcl").asDouble()).isCloseTo(73.988048, within(5e-6));
        assertThat(json.get("ucl").asDouble()).isCloseTo(74.014304, within(5e-6));
        assertThat(json.get("sigma").asDouble()).isCloseTo(0.009785, within(5e-7));
        assertThat(json.at("/secondary/chart").asText()).isEqualTo("r");
        assertThat(json.at("/secondary/center").asDouble()).isCloseTo(0.02276, within(5e-9));
        assertThat(json.get("points")).hasSize(40);
        assertThat(json.at("/points/0/subgroup").asText()).isEqualTo("1");
        assertThat(json.at("/capability/pp").asDouble()).isCloseTo(1.6551, within(5e-5));
        assertThat(json.at("/capability/method").asText()).isEqualTo("normal");
        assertThat(stderr.size()).isZero();
    }

    @Test
    void aPointBeyondItsLimitSignalsNelsonRuleOne() throws IOException {
        StringBuilder csv = new StringBuilder("subgroup,value\n");
        double[] values = {10.0, 10.1, 9.9, 10.0, 10.2, 9.8, 10.1, 9.9, 10.0, 10.1, 9.9, 10.0, 13.0};
        for (int i = 0; i < values.length; i++) {
            csv.append(i + 1).append(',').append(values[i]).append('\n');
        }
        Path file = Files.writeString(dir.resolve("i.csv"), csv);

        assertThat(run("--chart", "imr", "--phase1", "12", file.toString())).isZero();

        JsonNode points = new ObjectMapper().readTree(stdout.toByteArray()).get("points");
        assertThat(points.get(12).get("signals").toString()).contains("NELSON_1");
        for (int i = 0; i < 12; i++) {
            assertThat(points.get(i).get("signals")).as("point %d", i + 1).isEmpty();
        }
    }

    @Test
    void orangeJuicePChartFromCounts() throws IOException {
        List<String[]> rows = SharedData.table("spc/qcc/orangejuice.txt");
        StringBuilder csv = new StringBuilder("subgroup,count,size\n");
        rows.stream().skip(1).forEach(r -> csv.append(r[0]).append(',').append(r[1]).append(',').append(r[2]).append('\n'));
        Path file = Files.writeString(dir.resolve("oj.csv"), csv);

        assertThat(run("--chart", "p", "--phase1", "30", "--rules", "none", file.toString())).isZero();

        JsonNode json = new ObjectMapper().readTree(stdout.toByteArray());
        assertThat(json.get("center").asDouble()).isCloseTo(0.2313, within(5e-5));
        assertThat(json.get("ucl").asDouble()).isCloseTo(0.4102, within(5e-5));
        assertThat(json.has("capability")).isFalse();
    }

    @Test
    void aMalformedLineIsNamedAndNothingIsPrinted() throws IOException {
        Path file = Files.writeString(dir.resolve("bad.csv"), "subgroup,value\n1,74.01\n1,abc\n");

        int status = run("--chart", "xbar-r", file.toString());

        assertThat(status).isEqualTo(2);
        assertThat(stdout.size()).isZero();
        assertThat(stderr.toString(StandardCharsets.UTF_8)).contains("line 3").contains("'abc' is not a number");
    }

    @Test
    void refusesNanRowsSplitSubgroupsAndUnknownRules() throws IOException {
        Path nan = Files.writeString(dir.resolve("nan.csv"), "subgroup,value\n1,NaN\n");
        assertThat(run("--chart", "imr", nan.toString())).isEqualTo(2);
        assertThat(stderr.toString(StandardCharsets.UTF_8)).contains("line 2").contains("not a finite number");

        Path split = Files.writeString(dir.resolve("split.csv"), "subgroup,value\na,1\na,2\nb,1\nb,2\na,3\n");
        assertThat(run("--chart", "xbar-r", split.toString())).isEqualTo(2);
        assertThat(stderr.toString(StandardCharsets.UTF_8)).contains("line 6").contains("subgroup a appears again");

        Path ok = Files.writeString(dir.resolve("ok.csv"), "subgroup,value\na,1\na,2\nb,1\nb,3\n");
        assertThat(run("--chart", "xbar-r", "--rules", "shewhart", ok.toString())).isEqualTo(2);
        assertThat(stderr.toString(StandardCharsets.UTF_8)).contains("shewhart");
        assertThat(stdout.size()).isZero();
    }

    private int run(String... args) {
        stdout.reset();
        stderr.reset();
        AnalyzeCommand command = new AnalyzeCommand();
        command.out = new PrintStream(stdout, true, StandardCharsets.UTF_8);
        command.err = new PrintStream(stderr, true, StandardCharsets.UTF_8);
        return new CommandLine(command).execute(args);
    }

    /** Montgomery's piston rings as the CLI reads them: subgroup,value. */
    private Path pistonRings() throws IOException {
        List<String[]> rows = SharedData.table("spc/qcc/pistonrings.txt");
        List<String> lines = new ArrayList<>(List.of("subgroup,value"));
        rows.stream().skip(1).forEach(r -> lines.add(r[1] + "," + r[0]));
        return Files.write(dir.resolve("pistonrings.csv"), lines);
    }
}
