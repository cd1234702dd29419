package io.cncvision.vision.defect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trains the model the way {@code cncvision vision train} does (default options, seed 42) on the training split, and
 * judges it on the held-out 20 % it never saw: at least 98 % right. About a minute on two cores.
 */
class FullTrainingTest {

    @TempDir
    Path temp;

    @Test
    void trainsToAtLeast98PercentOnImagesItNeverSaw() {
        DefectDataset data = DefectDataset.scan(NeuDet.images());
        DefectTrainer.Options options = DefectTrainer.Options.defaults();
        DefectDataset.Split split = data.split(options.validationFraction(), options.seed());

        DefectTrainer.Trained trained = new DefectTrainer(options, System.out::println)
                .train(data, split, temp.resolve("model"));

        assertThat(trained.validation().total()).isEqualTo(split.validation().size());
        assertThat(trained.validation().accuracy()).isGreaterThanOrEqualTo(0.98);
        // Same seed, same options: the committed model, unless this CPU rounds differently from the one that made it.
        String committed = ModelMetadata.read(NeuDet.committedModel()).modelSha256();
        System.out.println("trained model " + trained.metadata().modelSha256()
                + (trained.metadata().modelSha256().equals(committed) ? " is" : " is not") + " the committed one");
    }
}
