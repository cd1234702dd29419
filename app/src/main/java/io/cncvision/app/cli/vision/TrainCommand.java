package io.cncvision.app.cli.vision;

import io.cncvision.vision.defect.DefectDataset;
import io.cncvision.vision.defect.DefectTrainer;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cncvision vision train}: trains the defect classifier on a folder per class, holding a stratified part out
 * (fixed by the seed) to report the accuracy and confusion matrix on, and writes the SavedModel and its metadata.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train the defect classifier; DIR holds one folder of images per class.",
                "Prints progress, then the accuracy and confusion matrix on the held-out images."})
public class TrainCommand implements Callable<Integer> {

    static final int FAILED = 2;

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "One folder of images per class.")
    Path data;

    @Option(names = "--out", required = true, paramLabel = "MODEL_DIR",
            description = "Where the SavedModel and metadata.json go.")
    Path out;

    @Option(names = "--epochs", paramLabel = "N", description = "Passes over the training images (default: ${DEFAULT-VALUE}).")
    int epochs = DefectTrainer.Options.defaults().epochs();

    @Option(names = "--seed", paramLabel = "S", description = "Fixes the split, the weights and the batches (default: ${DEFAULT-VALUE}).")
    long seed = DefectTrainer.Options.defaults().seed();

    PrintStream outStream = System.out;
    PrintStream err = System.err;

    @Override
    public Integer call() {
        CliLogging.warningsToStandardError();
        if (epochs < 1) {
            err.println("cncvision vision train: --epochs must be at least 1");
            return FAILED;
        }
        try {
            DefectTrainer.Options options = DefectTrainer.Options.defaults().withEpochs(epochs).withSeed(seed);
            new DefectTrainer(options, outStream::println).train(DefectDataset.scan(data), out);
            return 0;
        } catch (RuntimeException e) {
            err.println("cncvision vision train: " + e.getMessage());
            return FAILED;
        }
    }
}
