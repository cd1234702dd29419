package io.cncvision.vision.defect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The committed model, on the NEU images held out of its training (named in its metadata, drawn by the seed): at
 * least 98 % of them classified right. These images were never shown to the model in training.
 */
class CommittedModelTest {

    @Test
    void classifiesAtLeast98PercentOfHeldOutImagesRight() throws Exception {
        DefectDataset data = DefectDataset.scan(NeuDet.images());
        try (DefectClassifier classifier = DefectClassifier.load(NeuDet.committedModel())) {
            ModelMetadata metadata = classifier.metadata();
            List<DefectDataset.Example> heldOut = data.select(metadata.validationFiles());
            // The recorded held-out files are exactly the seed's split, so none was trained on.
            assertThat(heldOut).containsExactlyInAnyOrderElementsOf(
                    data.split(metadata.validationFraction(), metadata.seed()).validation());

            int[] truth = new int[heldOut.size()];
            int[] predicted = new int[heldOut.size()];
            for (int i = 0; i < heldOut.size(); i++) {
                DefectClassification result = classifier.classify(heldOut.get(i).file());
                truth[i] = heldOut.get(i).label();
                predicted[i] = metadata.classes().indexOf(result.label());
                assertThat(result.modelSha256()).isEqualTo(metadata.modelSha256());
            }
            ConfusionMatrix confusion = ConfusionMatrix.of(metadata.classes(), truth, predicted);
            System.out.printf("committed model on %d held-out images: accuracy %.4f%n%s", confusion.total(),
                    confusion.accuracy(), confusion.format());
            assertThat(confusion.accuracy()).isGreaterThanOrEqualTo(0.98);
            assertThat(confusion.accuracy()).isCloseTo(metadata.validationAccuracy(),
                    org.assertj.core.data.Offset.offset(1e-9));
        }
    }

    @Test
    void resultNamesTheWholeImageAsItsBoxAndTheModelByItsHash() throws Exception {
        DefectDataset data = DefectDataset.scan(NeuDet.images());
        try (DefectClassifier classifier = DefectClassifier.load(NeuDet.committedModel())) {
            DefectClassification result = classifier.classify(data.examples().get(0).file());
            assertThat(result.box()).isEqualTo(new DefectClassification.Box(0, 0, 200, 200));
            assertThat(result.modelSha256()).isEqualTo(ModelHash.sha256(NeuDet.committedModel())).hasSize(64);
            assertThat(result.confidence()).isBetween(0.0, 1.0);
            assertThat(classifier.metadata().classes()).contains(result.label());
        }
    }
}
