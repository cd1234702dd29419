package io.cncvision.app.cli.vision;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.cncvision.vision.gauge.GaugeException;
import io.cncvision.vision.gauge.GreyImage;
import io.cncvision.vision.gauge.GreyImages;
import io.cncvision.vision.gauge.RecipeException;
import io.cncvision.vision.gauge.RecipeGauge;
import io.cncvision.vision.gauge.Recipes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code cncvision vision measure}: gauges the features of a recipe in image files, one JSON line
 * per image on standard output. A file that cannot be read or measured gets a message on standard
 * error naming it; the others are still measured, and the status is then 2.
 */
@Command(name = "measure", mixinStandardHelpOptions = true,
        description = {"Measure the features of a recipe in images; one JSON line per image on stdout:",
                "  {\"image\":\"a.png\",\"features\":{\"outer-diameter\":24.981},\"latencyMicros\":3120}",
                "Values in mm, 4 decimals; latencyMicros: gauging the decoded image.",
                "A recipe file (YAML) names its features, each with a type (outer-diameter",
                "or bore-diameter of a backlit ring) and optional search limits",
                "(min-diameter-mm, max-diameter-mm, min-diameter-px, max-diameter-px):",
                "  features: {od: {type: outer-diameter, max-diameter-mm: 30}}"})
public class MeasureCommand implements Callable<Integer> {

    static final int FAILED = 2;

    @Option(names = "--recipe", required = true, paramLabel = "ring|FILE.yaml",
            description = "The built-in 'ring' (outer-diameter, bore-diameter) or a YAML recipe file.")
    String recipe;

    @Option(names = "--mm-per-pixel", required = true, paramLabel = "S",
            description = "Scale at the working plane, millimetres per pixel.")
    double mmPerPixel;

    @Parameters(paramLabel = "IMAGE", arity = "1..*", description = "Image files (PNG, BMP, JPEG, ...).")
    List<Path> images;

    PrintStream out = System.out;
    PrintStream err = System.err;

    @Override
    public Integer call() throws IOException {
        RecipeGauge gauge;
        try {
            gauge = new RecipeGauge(Recipes.byNameOrFile(recipe), mmPerPixel);
        } catch (RecipeException | IllegalArgumentException e) {
            err.println("cncvision vision measure: " + e.getMessage());
            return FAILED;
        }
        boolean anyFailed = false;
        for (Path image : images) {
            GreyImage pixels;
            try {
                pixels = GreyImages.read(image);
            } catch (IOException e) {
                err.println("cncvision vision measure: " + image + ": " + e.getMessage());
                anyFailed = true;
                continue;
            }
            long start = System.nanoTime();
            Map<String, Double> features;
            try {
                features = gauge.measure(pixels);
            } catch (GaugeException e) {
                err.println("cncvision vision measure: " + image + ": " + e.getMessage());
                anyFailed = true;
                continue;
            }
            long micros = (System.nanoTime() - start) / 1_000;
            out.println(json(image, features, micros));
            out.flush();
        }
        return anyFailed ? FAILED : 0;
    }

    private static String json(Path image, Map<String, Double> features, long micros) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (JsonGenerator json = new JsonFactory().createGenerator(bytes, JsonEncoding.UTF8)) {
            json.writeStartObject();
            json.writeStringField("image", image.toString());
            json.writeObjectFieldStart("features");
            for (Map.Entry<String, Double> feature : features.entrySet()) {
                json.writeNumberField(feature.getKey(), Math.round(feature.getValue() * 1e4) / 1e4);
            }
            json.writeEndObject();
            json.writeNumberField("latencyMicros", micros);
            json.writeEndObject();
        }
        return bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
    }
}
