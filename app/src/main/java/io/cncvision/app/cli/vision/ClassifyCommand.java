package io.cncvision.app.cli.vision;

import io.cncvision.vision.defect.DefectClassification;
import io.cncvision.vision.defect.DefectClassifier;
import io.cncvision.vision.defect.UnreadableImageException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code cncvision vision classify}: the defect class of each image as CSV ({@code path,label,confidence}) on
 * standard output. A file that cannot be read as an image gets a message naming it on standard error, the others
 * are still classified, and the status is then 2.
 */
@Command(name = "classify", mixinStandardHelpOptions = true,
        description = {"Classify images with a trained defect model; CSV path,label,confidence on stdout.",
                "A directory stands for every file below it. Unreadable files are named on stderr (status 2)."})
public class ClassifyCommand implements Callable<Integer> {

    static final int FAILED = 2;

    @Option(names = "--model", required = true, paramLabel = "MODEL_DIR", description = "Written by vision train.")
    Path model;

    @Parameters(arity = "1..*", paramLabel = "IMAGE_OR_DIR", description = "Image files or directories of them.")
    List<Path> inputs;

    PrintStream out = System.out;
    PrintStream err = System.err;

    @Override
    public Integer call() {
        CliLogging.warningsToStandardError();
        List<Path> files = new ArrayList<>();
        boolean failed = false;
        for (Path input : inputs) {
            if (Files.isDirectory(input)) {
                try (Stream<Path> walk = Files.walk(input)) {
                    walk.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith("."))
                            .sorted().forEach(files::add);
                } catch (IOException | UncheckedIOException e) {
                    err.println("cncvision vision classify: cannot list " + input + ": " + e.getMessage());
                    failed = true;
                }
            } else if (Files.isRegularFile(input)) {
                files.add(input);
            } else {
                err.println("cncvision vision classify: " + input + ": no such file");
                failed = true;
            }
        }
        try (DefectClassifier classifier = DefectClassifier.load(model)) {
            err.println("cncvision vision classify: model sha256 " + classifier.modelSha256());
            out.println("path,label,confidence");
            for (Path file : files) {
                try {
                    DefectClassification result = classifier.classify(file);
                    out.println(csv(file.toString()) + "," + csv(result.label()) + ","
                            + String.format(Locale.ROOT, "%.4f", result.confidence()));
                } catch (UnreadableImageException e) {
                    err.println("cncvision vision classify: " + e.getMessage());
                    failed = true;
                }
            }
            out.flush();
        } catch (RuntimeException e) {
            err.println("cncvision vision classify: " + e.getMessage());
            return FAILED;
        }
        return failed ? FAILED : 0;
    }

    /** RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled. */
    static String csv(String field) {
        if (field.contains(",") || field.contains("\"") || field.contains("\n") || field.contains("\r")) {
            return '"' + field.replace("\"", "\"\"") + '"';
        }
        return field;
    }
}
