package io.cncvision.vision.defect;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/** Labelled images in a directory holding one folder per class, the folder name being the class name. */
public record DefectDataset(Path root, List<String> classes, List<Example> examples) {

    /** One image and the index of its class in {@link #classes()}. */
    public record Example(Path file, int label) {
    }

    /** Training and validation examples; the validation ones are never used to train. */
    public record Split(List<Example> training, List<Example> validation) {
    }

    public DefectDataset {
        classes = List.copyOf(classes);
        examples = List.copyOf(examples);
    }

    /** Reads the class folders (sorted by name) and their files (sorted by name, hidden files skipped). */
    public static DefectDataset scan(Path root) {
        try (Stream<Path> children = Files.list(root)) {
            List<Path> folders = children.filter(Files::isDirectory).sorted().toList();
            if (folders.size() < 2) {
                throw new IllegalArgumentException(root + " must hold one folder per class, at least two");
            }
            List<String> classes = new ArrayList<>();
            List<Example> examples = new ArrayList<>();
            for (Path folder : folders) {
                int label = classes.size();
                classes.add(folder.getFileName().toString());
                try (Stream<Path> files = Files.list(folder)) {
                    files.filter(Files::isRegularFile)
                            .filter(f -> !f.getFileName().toString().startsWith("."))
                            .sorted()
                            .forEach(f -> examples.add(new Example(f, label)));
                }
            }
            return new DefectDataset(root, classes, examples);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the data directory " + root, e);
        }
    }

    /**
     * A stratified split fixed by the seed: within each class, the files in name order are shuffled with the seed
     * and the first {@code validationFraction} of them (rounded) are held out.
     */
    public Split split(double validationFraction, long seed) {
        if (validationFraction <= 0 || validationFraction >= 1) {
            throw new IllegalArgumentException("validation fraction must lie strictly between 0 and 1");
        }
        List<Example> training = new ArrayList<>();
        List<Example> validation = new ArrayList<>();
        for (int label = 0; label < classes.size(); label++) {
            int l = label;
            List<Example> ofClass = new ArrayList<>(examples.stream().filter(e -> e.label() == l)
                    .sorted(Comparator.comparing(Example::file)).toList());
            Collections.shuffle(ofClass, new Random(seed * 31 + label));
            int held = (int) Math.round(ofClass.size() * validationFraction);
            validation.addAll(ofClass.subList(0, held));
            training.addAll(ofClass.subList(held, ofClass.size()));
        }
        return new Split(List.copyOf(training), List.copyOf(validation));
    }

    /** The examples whose file lies under one of the named paths (relative to the root), in that order. */
    public List<Example> select(List<String> relativePaths) {
        List<Example> selected = new ArrayList<>();
        for (String relative : relativePaths) {
            Path file = root.resolve(relative);
            selected.add(examples.stream().filter(e -> e.file().equals(file)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(file + " is not in " + root)));
        }
        return selected;
    }

    /** A path relative to the root with '/' separators, as recorded in a model's metadata. */
    public String relative(Path file) {
        return root.relativize(file).toString().replace(java.io.File.separatorChar, '/');
    }
}
