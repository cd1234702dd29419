package io.cncvision.vision.gauge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.cncvision.vision.render.RingRenderer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** YAML recipes: what they measure, and refusals that name the file and the field. */
class RecipesTest {

    @TempDir
    Path dir;

    private static final RingRenderer.Scene SCENE = new RingRenderer.Scene(640, 512, 320.3, 250.8, 400, 200, 1.2, 2,
            210, 25, 0.1, -0.05, 7);

    @Test
    void builtInRingMeasuresOuterAndBoreDiametersInMillimetres() throws Exception {
        Map<String, Double> values = new RecipeGauge(Recipes.byNameOrFile("ring"), 0.025)
                .measure(RingRenderer.render(SCENE));

        assertThat(values.keySet()).containsExactly("outer-diameter", "bore-diameter");
        assertThat(values.get("outer-diameter")).isCloseTo(10.0, within(0.002));
        assertThat(values.get("bore-diameter")).isCloseTo(5.0, within(0.002));
    }

    @Test
    void fileRecipeNamesItsFeaturesAndLimitsTheSearch() throws Exception {
        Path file = write("flange.yaml", """
                features:
                  od: {type: outer-diameter, min-diameter-mm: 9, max-diameter-mm: 11}
                  bore: {type: bore-diameter, max-diameter-px: 300}
                """);

        Recipe recipe = Recipes.load(file);
        Map<String, Double> values = new RecipeGauge(recipe, 0.025).measure(RingRenderer.render(SCENE));

        assertThat(recipe.name()).isEqualTo("flange");
        assertThat(values.keySet()).containsExactly("od", "bore");
        assertThat(values.get("bore")).isCloseTo(5.0, within(0.002));
    }

    @Test
    void ringOutsideTheSearchLimitsIsNotFound() throws Exception {
        Path file = write("small.yaml", """
                features:
                  od: {type: outer-diameter, max-diameter-mm: 8}
                """);

        assertThatThrownBy(() -> new RecipeGauge(Recipes.load(file), 0.025).measure(RingRenderer.render(SCENE)))
                .isInstanceOf(GaugeException.class).hasMessageContaining("search limits");
    }

    @Test
    void rejectsUnknownFeatureTypeNamingFileAndField() throws Exception {
        Path file = write("bad.yaml", "features:\n  od: {type: outer-diam}\n");

        assertThatThrownBy(() -> Recipes.load(file)).isInstanceOf(RecipeException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("features.od")
                .hasMessageContaining("outer-diameter, bore-diameter");
    }

    @Test
    void rejectsMisspeltLimitAndNonNumericLimit() throws Exception {
        Path misspelt = write("a.yaml", "features:\n  od: {type: outer-diameter, max-diam-mm: 3}\n");
        Path text = write("b.yaml", "features:\n  od: {type: outer-diameter, max-diameter-mm: big}\n");

        assertThatThrownBy(() -> Recipes.load(misspelt)).hasMessageContaining("features.od.max-diam-mm: unknown field");
        assertThatThrownBy(() -> Recipes.load(text)).hasMessageContaining("features.od.max-diameter-mm: expected a positive number");
    }

    @Test
    void rejectsMissingFeaturesInvalidYamlAndMissingFile() throws Exception {
        Path empty = write("empty.yaml", "name: x\n");
        Path broken = write("broken.yaml", "features: [unclosed\n");

        assertThatThrownBy(() -> Recipes.load(empty)).hasMessageContaining("empty.yaml: features: missing");
        assertThatThrownBy(() -> Recipes.load(broken)).hasMessageContaining("broken.yaml: not valid YAML");
        assertThatThrownBy(() -> Recipes.byNameOrFile(dir.resolve("none.yaml").toString()))
                .hasMessageContaining("none.yaml: cannot read recipe");
    }

    private Path write(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }
}
