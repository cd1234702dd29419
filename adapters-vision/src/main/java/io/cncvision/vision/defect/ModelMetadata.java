package io.cncvision.vision.defect;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What a trained defect model needs beside its SavedModel, and what an auditor asks of it: the classes in output
 * order, the input size and tensor names, how it was trained (seed, epochs, split) and how it did on the images held
 * out of training, named so that the evaluation can be repeated.
 */
public record ModelMetadata(
        List<String> classes,
        int inputSize,
        String inputName,
        String outputName,
        long seed,
        int epochs,
        double validationFraction,
        int trainingImages,
        double validationAccuracy,
        int[][] confusionMatrix,
        long trainingMillis,
        String modelSha256,
        List<String> validationFiles) {

    public static final String FILE_NAME = "metadata.json";

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    public static ModelMetadata read(Path modelDir) {
        Path file = modelDir.resolve(FILE_NAME);
        try {
            ModelMetadata metadata = GSON.fromJson(Files.readString(file), ModelMetadata.class);
            if (metadata == null || metadata.classes() == null || metadata.inputSize() <= 0) {
                throw new IllegalArgumentException(file + " is not a defect model's metadata");
            }
            return metadata;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + " (is " + modelDir + " a model directory?)", e);
        }
    }

    public void write(Path modelDir) {
        try {
            Files.writeString(modelDir.resolve(FILE_NAME), GSON.toJson(this) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the metadata into " + modelDir, e);
        }
    }
}
