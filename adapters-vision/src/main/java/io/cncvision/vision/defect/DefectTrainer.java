package io.cncvision.vision.defect;

import ai.djl.engine.Engine;
import com.google.protobuf.CodedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.Signature;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.proto.framework.ConfigProto;
import org.tensorflow.proto.framework.SavedModel;
import org.tensorflow.types.TFloat32;

/**
 * Trains the defect classifier, a small CNN, with the TensorFlow Java API and exports it as a SavedModel whose
 * {@code serving_default} signature maps {@value #INPUT} (N x size x size x 1 scaled grey levels, see {@link
 * DefectImages}) to {@value #OUTPUT} (N x classes softmax).
 *
 * <p>Four 3x3 convolutions (16, 32, 64, 128 channels, ReLU; 2x2 max pooling after the first three), global average
 * and global max pooling (a texture's class does not depend on where in the image it is) and one dense layer; Adam
 * with a cosine learning-rate decay. Each training image is shown mirrored or turned half way round, chosen at
 * random per epoch, and the class of an image is the one with the largest probability averaged over those four
 * views. Weights are drawn in Java from the seed, batches shuffled and flips chosen from the seed, and every update
 * waits for all gradients, so two runs with the same seed give the same model, bit for bit (measured on this CPU).
 */
public final class DefectTrainer {

    public static final String INPUT = "image";
    public static final String OUTPUT = "probabilities";
    private static final int[] CHANNELS = {16, 32, 64, 128};
    private static final float BETA1 = 0.9f;
    private static final float BETA2 = 0.999f;

    /**
     * How to train: {@code inputSize} is the side of the square the images are reduced to; {@code threads} the
     * TensorFlow threads (0: TensorFlow's choice, one per core).
     */
    public record Options(int epochs, long seed, int inputSize, int batchSize, float learningRate,
                          double validationFraction, int threads) {
        public static Options defaults() {
            return new Options(30, 42, 64, 32, 0.002f, 0.2, 0);
        }

        public Options withEpochs(int epochs) {
            return new Options(epochs, seed, inputSize, batchSize, learningRate, validationFraction, threads);
        }

        public Options withSeed(long seed) {
            return new Options(epochs, seed, inputSize, batchSize, learningRate, validationFraction, threads);
        }

        public Options withThreads(int threads) {
            return new Options(epochs, seed, inputSize, batchSize, learningRate, validationFraction, threads);
        }
    }

    /** A trained, exported model, how it did on the held-out images, and its last epoch's mean training loss. */
    public record Trained(Path modelDir, ModelMetadata metadata, ConfusionMatrix validation, double finalLoss) {
    }

    private final Options options;
    private final Consumer<String> progress;

    public DefectTrainer(Options options, Consumer<String> progress) {
        this.options = options;
        this.progress = progress;
    }

    /** Splits the data set by the seed, trains on the training part and evaluates and exports into {@code out}. */
    public Trained train(DefectDataset data, Path out) {
        return train(data, data.split(options.validationFraction(), options.seed()), out);
    }

    /** Trains on {@code split.training()} only; {@code split.validation()} is used for the report alone. */
    public Trained train(DefectDataset data, DefectDataset.Split split, Path out) {
        TensorflowNatives.ensureConfigured();
        // DJL's engine loads the TensorFlow libraries that the TensorFlow Java API below then uses.
        Engine.getEngine("TensorFlow");
        long started = System.nanoTime();
        int size = options.inputSize();
        int classes = data.classes().size();
        progress.accept("reading " + split.training().size() + " training and " + split.validation().size()
                + " validation images from " + data.root());
        float[][] trainX = inputs(split.training());
        int[] trainY = split.training().stream().mapToInt(DefectDataset.Example::label).toArray();
        float[][] validX = inputs(split.validation());
        int[] validY = split.validation().stream().mapToInt(DefectDataset.Example::label).toArray();

        try (Graph graph = new Graph()) {
            Ops tf = Ops.create(graph);
            SplittableRandom random = new SplittableRandom(options.seed());
            Network net = network(tf, classes, (shape, fanIn) -> fanIn == 0
                    ? new float[(int) shape.size()] : he(random, (int) shape.size(), fanIn));
            Placeholder<TFloat32> labels = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, classes)));
            Placeholder<TFloat32> learningRate = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
            Placeholder<TFloat32> beta1Power = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
            Placeholder<TFloat32> beta2Power = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
            Operand<TFloat32> loss = tf.math.mean(tf.nn.softmaxCrossEntropyWithLogits(net.logits(), labels).loss(),
                    tf.constant(0));

            List<Variable<TFloat32>> parameters = net.parameters();
            Output<?>[] gradients = graph.addGradients(loss.asOutput(),
                    parameters.stream().map(Variable::asOutput).toArray(Output[]::new));
            // Every gradient is computed before any weight moves: the variables are references, and an update that
            // ran while another layer's gradient still read its weights would make that gradient depend on timing.
            List<Operand<TFloat32>> computed = new ArrayList<>();
            for (Output<?> gradient : gradients) {
                @SuppressWarnings("unchecked")
                Operand<TFloat32> g = (Operand<TFloat32>) gradient;
                computed.add(tf.identity(g));
            }
            Ops afterGradients = tf.withControlDependencies(computed.stream().map(g -> (Op) g).toList());
            List<Op> updates = new ArrayList<>();
            for (int i = 0; i < parameters.size(); i++) {
                Variable<TFloat32> p = parameters.get(i);
                updates.add(afterGradients.train.applyAdam(p, zeros(tf, p.shape()), zeros(tf, p.shape()), beta1Power,
                        beta2Power, learningRate, tf.constant(BETA1), tf.constant(BETA2), tf.constant(1e-7f),
                        computed.get(i)));
            }

            try (Session session = session(graph)) {
                session.initialize();
                double finalLoss = fit(session, net.images(), labels, learningRate, beta1Power, beta2Power, loss,
                        updates, trainX, trainY, classes);
                int[] predicted = predict(session, net.images(), net.probabilities(), validX);
                ConfusionMatrix confusion = ConfusionMatrix.of(data.classes(), validY, predicted);
                long trainingMillis = (System.nanoTime() - started) / 1_000_000;
                progress.accept(String.format("validation accuracy %.4f (%d of %d held-out images)%n%s",
                        confusion.accuracy(), confusion.correct(), confusion.total(), confusion.format()));
                export(values(session, parameters), classes, out);
                ModelMetadata metadata = new ModelMetadata(data.classes(), size, INPUT, OUTPUT, options.seed(),
                        options.epochs(), options.validationFraction(), trainX.length, confusion.accuracy(),
                        confusion.counts(), trainingMillis, ModelHash.sha256(out),
                        split.validation().stream().map(e -> data.relative(e.file())).toList());
                metadata.write(out);
                progress.accept("model " + metadata.modelSha256() + " written to " + out + " in "
                        + trainingMillis / 1000 + " s");
                return new Trained(out, metadata, confusion, finalLoss);
            }
        }
    }

    /**
     * A session on the configured threads. Measured here, the CPU kernels give the same bits on one thread as on
     * two, so the thread count is for sharing the machine, not for reproducibility.
     */
    private Session session(Graph graph) {
        if (options.threads() <= 0) {
            return new Session(graph);
        }
        return new Session(graph, ConfigProto.newBuilder()
                .setIntraOpParallelismThreads(options.threads())
                .setInterOpParallelismThreads(options.threads())
                .build());
    }

    /** Where a parameter's first values come from, given its shape and fan-in (0 for a bias). */
    private interface Initial {
        float[] values(Shape shape, int fanIn);
    }

    /** The network's placeholders, parameters (in creation order) and outputs in one graph. */
    private record Network(Placeholder<TFloat32> images, List<Variable<TFloat32>> parameters,
                           Operand<TFloat32> logits, Operand<TFloat32> probabilities) {
    }

    private Network network(Ops tf, int classes, Initial initial) {
        int size = options.inputSize();
        Placeholder<TFloat32> images = tf.withName(INPUT).placeholder(TFloat32.class,
                Placeholder.shape(Shape.of(-1, size, size, 1)));
        List<Variable<TFloat32>> parameters = new ArrayList<>();
        Operand<TFloat32> x = images;
        int in = 1;
        for (int layer = 0; layer < CHANNELS.length; layer++) {
            int outChannels = CHANNELS[layer];
            Variable<TFloat32> w = variable(tf, Shape.of(3, 3, in, outChannels), initial, 9 * in);
            Variable<TFloat32> b = variable(tf, Shape.of(outChannels), initial, 0);
            parameters.add(w);
            parameters.add(b);
            in = outChannels;
            x = tf.nn.relu(tf.nn.biasAdd(tf.nn.conv2d(x, w, List.of(1L, 1L, 1L, 1L), "SAME"), b));
            if (layer < CHANNELS.length - 1) {
                x = tf.nn.maxPool(x, tf.constant(new int[] {1, 2, 2, 1}), tf.constant(new int[] {1, 2, 2, 1}),
                        "SAME");
            }
        }
        // Global average and global max pooling side by side: the mean describes a texture spread over the
        // image, the max a small defect (an inclusion, a pit) anywhere in it.
        int features = 2 * CHANNELS[CHANNELS.length - 1];
        Operand<TFloat32> pooled = tf.reshape(
                tf.concat(List.of(tf.math.mean(x, tf.constant(new int[] {1, 2})),
                        tf.max(x, tf.constant(new int[] {1, 2}))), tf.constant(1)),
                tf.constant(new int[] {-1, features}));
        Variable<TFloat32> denseW = variable(tf, Shape.of(features, classes), initial, features);
        Variable<TFloat32> denseB = variable(tf, Shape.of(classes), initial, 0);
        parameters.add(denseW);
        parameters.add(denseB);
        Operand<TFloat32> logits = tf.nn.biasAdd(tf.linalg.matMul(pooled, denseW), denseB);
        Operand<TFloat32> probabilities = tf.withName(OUTPUT).nn.softmax(logits);
        return new Network(images, List.copyOf(parameters), logits, probabilities);
    }

    private static Variable<TFloat32> variable(Ops tf, Shape shape, Initial initial, int fanIn) {
        return tf.variable(tf.constant(shape, DataBuffers.of(initial.values(shape, fanIn), true, false)));
    }

    private static List<float[]> values(Session session, List<Variable<TFloat32>> parameters) {
        Session.Runner runner = session.runner();
        parameters.forEach(runner::fetch);
        List<float[]> values = new ArrayList<>();
        try (Result result = runner.run()) {
            for (int i = 0; i < parameters.size(); i++) {
                TFloat32 tensor = (TFloat32) result.get(i);
                float[] v = new float[(int) tensor.shape().size()];
                tensor.read(DataBuffers.of(v, false, false));
                values.add(v);
            }
        }
        return values;
    }

    private double fit(Session session, Placeholder<TFloat32> images, Placeholder<TFloat32> labels,
                       Placeholder<TFloat32> learningRate, Placeholder<TFloat32> beta1Power,
                       Placeholder<TFloat32> beta2Power, Operand<TFloat32> loss, List<Op> updates,
                       float[][] trainX, int[] trainY, int classes) {
        int size = options.inputSize();
        int pixels = size * size;
        int n = trainX.length;
        int batch = options.batchSize();
        int stepsPerEpoch = (n + batch - 1) / batch;
        int totalSteps = stepsPerEpoch * options.epochs();
        Random order = new Random(options.seed());
        int step = 0;
        double epochLoss = Double.NaN;
        for (int epoch = 1; epoch <= options.epochs(); epoch++) {
            long epochStart = System.nanoTime();
            int[] permutation = IntStream.range(0, n).toArray();
            for (int i = n - 1; i > 0; i--) {
                int j = order.nextInt(i + 1);
                int t = permutation[i];
                permutation[i] = permutation[j];
                permutation[j] = t;
            }
            double lossSum = 0;
            for (int start = 0; start < n; start += batch) {
                int count = Math.min(batch, n - start);
                float[] x = new float[count * pixels];
                float[] y = new float[count * classes];
                for (int k = 0; k < count; k++) {
                    int index = permutation[start + k];
                    DefectImages.transform(trainX[index], size, DefectImages.FLIPS[order.nextInt(DefectImages.FLIPS.length)], x, k * pixels);
                    y[k * classes + trainY[index]] = 1f;
                }
                step++;
                float rate = (float) (options.learningRate() * 0.5 * (1 + Math.cos(Math.PI * (step - 1) / totalSteps)));
                try (TFloat32 xt = TFloat32.tensorOf(Shape.of(count, size, size, 1), DataBuffers.of(x, true, false));
                     TFloat32 yt = TFloat32.tensorOf(Shape.of(count, classes), DataBuffers.of(y, true, false));
                     TFloat32 lr = TFloat32.scalarOf(rate);
                     TFloat32 b1 = TFloat32.scalarOf((float) Math.pow(BETA1, step));
                     TFloat32 b2 = TFloat32.scalarOf((float) Math.pow(BETA2, step))) {
                    Session.Runner runner = session.runner().feed(images, xt).feed(labels, yt).feed(learningRate, lr)
                            .feed(beta1Power, b1).feed(beta2Power, b2).fetch(loss);
                    updates.forEach(runner::addTarget);
                    try (Result result = runner.run()) {
                        lossSum += ((TFloat32) result.get(0)).getFloat() * count;
                    }
                }
            }
            epochLoss = lossSum / n;
            progress.accept(String.format("epoch %d/%d loss %.4f (%d ms)", epoch, options.epochs(), epochLoss,
                    (System.nanoTime() - epochStart) / 1_000_000));
        }
        return epochLoss;
    }

    /** The class of each input: the largest mean probability over its flips, as {@link DefectClassifier} does. */
    private int[] predict(Session session, Placeholder<TFloat32> images, Operand<TFloat32> probabilities,
                          float[][] inputs) {
        int size = options.inputSize();
        int views = DefectImages.FLIPS.length;
        int[] predicted = new int[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            try (TFloat32 xt = TFloat32.tensorOf(Shape.of(views, size, size, 1),
                    DataBuffers.of(DefectImages.flipped(inputs[i], size), true, false));
                 Result result = session.runner().feed(images, xt).fetch(probabilities).run()) {
                TFloat32 p = (TFloat32) result.get(0);
                float[] all = new float[(int) p.shape().size()];
                p.read(DataBuffers.of(all, false, false));
                predicted[i] = DefectClassifier.argmax(DefectClassifier.meanOverViews(all, views));
            }
        }
        return predicted;
    }

    /**
     * Exports an inference graph alone (no labels, loss, gradients or Adam slots), its variables holding the trained
     * values, so the SavedModel is a third of the training graph's size and says only what classification runs.
     */
    private void export(List<float[]> trained, int classes, Path out) {
        try {
            Files.createDirectories(out);
            // A model directory holds one model: a previous export's files would change the hash.
            for (String old : new String[] {"saved_model.pb", "variables", "assets", ModelMetadata.FILE_NAME}) {
                deleteTree(out.resolve(old));
            }
            try (Graph graph = new Graph()) {
                Ops tf = Ops.create(graph);
                Iterator<float[]> values = trained.iterator();
                Network net = network(tf, classes, (shape, fanIn) -> values.next());
                try (Session session = new Session(graph)) {
                    session.initialize();
                    SavedModelBundle.exporter(out.toString())
                            .withSession(session)
                            .withSignature(Signature.builder().key(Signature.DEFAULT_KEY)
                                    .input(INPUT, net.images()).output(OUTPUT, net.probabilities()).build())
                            .export();
                }
            }
            rewriteDeterministically(out.resolve("saved_model.pb"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot export the model into " + out, e);
        }
    }

    /**
     * Protobuf writes a node's attributes (a map) in no fixed order, so the same graph could give a different
     * saved_model.pb, hence a different model hash, at every export; written again with deterministic serialisation
     * the same model always gives the same bytes.
     */
    private static void rewriteDeterministically(Path savedModel) throws IOException {
        SavedModel model = SavedModel.parseFrom(Files.readAllBytes(savedModel));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CodedOutputStream coded = CodedOutputStream.newInstance(bytes);
        coded.useDeterministicSerialization();
        model.writeTo(coded);
        coded.flush();
        Files.write(savedModel, bytes.toByteArray());
    }

    private float[][] inputs(List<DefectDataset.Example> examples) {
        // One after another: decoding in parallel was measured to be barely faster here, and sequential reading
        // keeps every JDK image code path single-threaded.
        return examples.stream().map(e -> {
            try {
                return DefectImages.toInput(DefectImages.read(e.file()), options.inputSize());
            } catch (UnreadableImageException ex) {
                throw new IllegalArgumentException("training image " + ex.getMessage(), ex);
            }
        }).toArray(float[][]::new);
    }

    private static float[] he(SplittableRandom random, int count, int fanIn) {
        // He initialisation (He et al. 2015) for ReLU layers: normal with variance 2 / fan-in.
        float[] values = new float[count];
        double std = Math.sqrt(2.0 / fanIn);
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (gaussian(random) * std);
        }
        return values;
    }

    private static double gaussian(SplittableRandom random) {
        // Box-Muller, so the draw depends on the seed alone and not on the JDK's Random.nextGaussian.
        double u = 1.0 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    private static Variable<TFloat32> zeros(Ops tf, Shape shape) {
        return tf.variable(tf.constant(shape, DataBuffers.of(new float[(int) shape.size()], true, false)));
    }

    private static void deleteTree(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
