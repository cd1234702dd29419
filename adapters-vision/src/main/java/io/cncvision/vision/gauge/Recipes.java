package io.cncvision.vision.gauge;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Gauging recipes: the built-in {@code ring}, or a YAML file of this form:
 *
 * <pre>
 * name: flange-ring                  # optional, defaults to the file name
 * features:
 *   od:                              # the name the result carries
 *     type: outer-diameter           # outer-diameter or bore-diameter (of a backlit ring)
 *     min-diameter-mm: 10            # optional search limits, mm (need --mm-per-pixel) or px
 *     max-diameter-mm: 25
 *   bore:
 *     type: bore-diameter
 *     max-diameter-px: 600
 * </pre>
 *
 * Anything else (an unknown key, a misspelt type, a limit that is not a positive number) is refused
 * with a message naming the file and the field.
 */
public final class Recipes {

    private static final Set<String> TOP_KEYS = Set.of("name", "features");
    private static final Set<String> FEATURE_KEYS = Set.of("type", "min-diameter-mm", "max-diameter-mm",
            "min-diameter-px", "max-diameter-px");

    private Recipes() {
    }

    /** {@code ring} for the built-in recipe, otherwise the path of a YAML recipe. */
    public static Recipe byNameOrFile(String nameOrFile) throws RecipeException {
        if (Recipe.RING.name().equals(nameOrFile)) {
            return Recipe.RING;
        }
        return load(Path.of(nameOrFile));
    }

    /** Reads a YAML recipe. */
    public static Recipe load(Path file) throws RecipeException {
        Object document;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            document = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
        } catch (IOException e) {
            throw new RecipeException(file + ": cannot read recipe: " + e.getMessage(), e);
        } catch (YAMLException e) {
            throw new RecipeException(file + ": not valid YAML: " + e.getMessage().replace('\n', ' '), e);
        }
        if (!(document instanceof Map<?, ?> top)) {
            throw new RecipeException(file + ": a recipe is a mapping with 'features' (and optionally 'name')");
        }
        unknownKeys(file, "", top, TOP_KEYS);
        String fileName = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        Object name = top.containsKey("name") ? top.get("name") : fileName;
        if (!(name instanceof String recipeName) || recipeName.isBlank()) {
            throw new RecipeException(file + ": name: must be a non-empty text");
        }
        if (!(top.get("features") instanceof Map<?, ?> features) || features.isEmpty()) {
            throw new RecipeException(file + ": features: missing or empty; expected a mapping of feature name to"
                    + " {type: " + FeatureType.ids() + "}");
        }
        List<Feature> list = new ArrayList<>();
        for (Map.Entry<?, ?> entry : features.entrySet()) {
            String field = "features." + entry.getKey();
            if (!(entry.getValue() instanceof Map<?, ?> body)) {
                throw new RecipeException(file + ": " + field + ": expected a mapping with 'type'");
            }
            unknownKeys(file, field + ".", body, FEATURE_KEYS);
            if (!(body.get("type") instanceof String type)) {
                throw new RecipeException(file + ": " + field + ".type: missing; expected one of " + FeatureType.ids());
            }
            try {
                list.add(new Feature(String.valueOf(entry.getKey()), FeatureType.fromId(type),
                        number(file, field, body, "min-diameter-mm"), number(file, field, body, "max-diameter-mm"),
                        number(file, field, body, "min-diameter-px"), number(file, field, body, "max-diameter-px")));
            } catch (IllegalArgumentException e) {
                throw new RecipeException(file + ": " + field + ": " + e.getMessage(), e);
            }
        }
        return new Recipe(recipeName, list);
    }

    private static double number(Path file, String field, Map<?, ?> body, String key) throws RecipeException {
        Object value = body.get(key);
        if (value == null) {
            return Double.NaN;
        }
        if (!(value instanceof Number n) || !(n.doubleValue() > 0) || Double.isInfinite(n.doubleValue())) {
            throw new RecipeException(file + ": " + field + "." + key + ": expected a positive number, was '" + value + "'");
        }
        return n.doubleValue();
    }

    private static void unknownKeys(Path file, String prefix, Map<?, ?> map, Set<String> known) throws RecipeException {
        for (Object key : map.keySet()) {
            if (!known.contains(String.valueOf(key))) {
                throw new RecipeException(file + ": " + prefix + key + ": unknown field, expected one of "
                        + String.join(", ", new java.util.TreeSet<>(known)));
            }
        }
    }

}
