package io.cncvision.vision.defect;

import ai.djl.MalformedModelException;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.Batchifier;
import ai.djl.translate.TranslateException;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Classifies surface images with a model written by {@link DefectTrainer}, run by DJL's TensorFlow engine. One
 * instance holds one predictor: calls are serialised, so share it between threads only where that is fast enough.
 */
public final class DefectClassifier implements AutoCloseable {

    private final ModelMetadata metadata;
    private final String modelSha256;
    private final ZooModel<BufferedImage, float[]> model;
    private final Predictor<BufferedImage, float[]> predictor;

    private DefectClassifier(ModelMetadata metadata, String modelSha256, ZooModel<BufferedImage, float[]> model) {
        this.metadata = metadata;
        this.modelSha256 = modelSha256;
        this.model = model;
        this.predictor = model.newPredictor();
    }

    /** Loads the SavedModel and metadata in {@code modelDir}. */
    public static DefectClassifier load(Path modelDir) {
        TensorflowNatives.ensureConfigured();
        ModelMetadata metadata = ModelMetadata.read(modelDir);
        String sha256 = ModelHash.sha256(modelDir);
        Criteria<BufferedImage, float[]> criteria = Criteria.builder()
                .setTypes(BufferedImage.class, float[].class)
                .optModelPath(modelDir)
                .optEngine("TensorFlow")
                .optTranslator(new ImageTranslator(metadata.inputSize()))
                .build();
        try {
            return new DefectClassifier(metadata, sha256, criteria.loadModel());
        } catch (IOException | ModelNotFoundException | MalformedModelException e) {
            throw new IllegalArgumentException("cannot load the defect model in " + modelDir + ": " + e.getMessage(), e);
        }
    }

    public ModelMetadata metadata() {
        return metadata;
    }

    public String modelSha256() {
        return modelSha256;
    }

    /** Reads and classifies one image file. */
    public DefectClassification classify(Path file) throws UnreadableImageException {
        return classify(DefectImages.read(file));
    }

    public synchronized DefectClassification classify(BufferedImage image) {
        float[] probabilities;
        try {
            probabilities = predictor.predict(image);
        } catch (TranslateException e) {
            throw new IllegalStateException("the defect model failed on an image: " + e.getMessage(), e);
        }
        int best = argmax(probabilities);
        return new DefectClassification(metadata.classes().get(best), probabilities[best],
                new DefectClassification.Box(0, 0, image.getWidth(), image.getHeight()), modelSha256);
    }

    static int argmax(float[] values) {
        int best = 0;
        for (int c = 1; c < values.length; c++) {
            if (values[c] > values[best]) {
                best = c;
            }
        }
        return best;
    }

    /** {@code views} rows of class probabilities, one after another, averaged into one row. */
    static float[] meanOverViews(float[] rows, int views) {
        int classes = rows.length / views;
        float[] mean = new float[classes];
        for (int v = 0; v < views; v++) {
            for (int c = 0; c < classes; c++) {
                mean[c] += rows[v * classes + c] / views;
            }
        }
        return mean;
    }

    @Override
    public void close() {
        predictor.close();
        model.close();
    }

    /**
     * Image in, class probabilities out: the image as {@link DefectImages#toInput} prepares it in training, in its
     * four flips (one batch), the model's probabilities averaged over them.
     */
    private record ImageTranslator(int size) implements Translator<BufferedImage, float[]> {

        @Override
        public NDList processInput(TranslatorContext ctx, BufferedImage image) {
            float[] views = DefectImages.flipped(DefectImages.toInput(image, size), size);
            NDArray input = ctx.getNDManager().create(views, new Shape(views.length / (size * size), size, size, 1));
            return new NDList(input);
        }

        @Override
        public float[] processOutput(TranslatorContext ctx, NDList list) {
            NDArray probabilities = list.get(0);
            return meanOverViews(probabilities.toFloatArray(), (int) probabilities.getShape().get(0));
        }

        @Override
        public Batchifier getBatchifier() {
            // One image is one batch, of its flips.
            return null;
        }
    }
}
