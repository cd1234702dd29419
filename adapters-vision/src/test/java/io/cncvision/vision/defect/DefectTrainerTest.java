package io.cncvision.vision.defect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Training runs, exports a model DJL loads, and gives the same model twice from the same seed. */
class DefectTrainerTest {

    @TempDir
    Path temp;

    @Test
    void oneEpochOnASmallSubsetExportsAModelThatClassifies() throws Exception {
        DefectDataset subset = subset(NeuDet.images(), 12);
        DefectTrainer.Trained trained = train(subset, temp.resolve("a"));

        assertThat(trained.metadata().classes()).isEqualTo(subset.classes());
        assertThat(trained.metadata().validationFiles()).hasSize(2 * subset.classes().size());
        assertThat(trained.metadata().modelSha256()).isEqualTo(ModelHash.sha256(trained.modelDir()));
        try (DefectClassifier classifier = DefectClassifier.load(trained.modelDir())) {
            DefectClassification result = classifier.classify(subset.examples().get(0).file());
            assertThat(subset.classes()).contains(result.label());
            assertThat(result.modelSha256()).isEqualTo(trained.metadata().modelSha256());
        }
    }

    @Test
    void sameSeedTrainsTheSameModel() {
        DefectDataset subset = subset(NeuDet.images(), 12);
        DefectTrainer.Trained first = train(subset, temp.resolve("first"));
        DefectTrainer.Trained second = train(subset, temp.resolve("second"));

        assertThat(second.finalLoss()).isEqualTo(first.finalLoss());
        assertThat(second.validation().counts()).isDeepEqualTo(first.validation().counts());
        assertThat(second.metadata().modelSha256()).isEqualTo(first.metadata().modelSha256());
    }

    private static DefectTrainer.Trained train(DefectDataset data, Path out) {
        DefectTrainer.Options options = DefectTrainer.Options.defaults().withEpochs(1).withSeed(7);
        DefectTrainer.Trained trained = new DefectTrainer(options, line -> { }).train(data, out);
        return trained;
    }

    /** The first {@code perClass} images of each class, to keep a training run to seconds. */
    private static DefectDataset subset(Path root, int perClass) {
        DefectDataset all = DefectDataset.scan(root);
        List<DefectDataset.Example> chosen = new ArrayList<>();
        for (int label = 0; label < all.classes().size(); label++) {
            int l = label;
            all.examples().stream().filter(e -> e.label() == l).limit(perClass).forEach(chosen::add);
        }
        return new DefectDataset(root, all.classes(), chosen);
    }
}
