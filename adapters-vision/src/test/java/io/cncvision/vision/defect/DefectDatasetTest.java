package io.cncvision.vision.defect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DefectDatasetTest {

    @Test
    void splitHoldsOutTheSameShareOfEveryClassAndNeverAnImageTwice() {
        DefectDataset data = DefectDataset.scan(NeuDet.images());
        DefectDataset.Split split = data.split(0.2, 42);

        assertThat(data.classes()).containsExactly("crazing", "inclusion", "patches", "pitted_surface",
                "rolled-in_scale", "scratches");
        for (int label = 0; label < data.classes().size(); label++) {
            int l = label;
            long all = data.examples().stream().filter(e -> e.label() == l).count();
            long held = split.validation().stream().filter(e -> e.label() == l).count();
            assertThat(held).isEqualTo(Math.round(all * 0.2));
        }
        Set<DefectDataset.Example> training = new HashSet<>(split.training());
        assertThat(split.validation()).noneMatch(training::contains);
        assertThat(split.training().size() + split.validation().size()).isEqualTo(data.examples().size());
    }

    @Test
    void splitIsFixedByTheSeed() {
        DefectDataset data = DefectDataset.scan(NeuDet.images());
        assertThat(data.split(0.2, 42)).isEqualTo(data.split(0.2, 42));
        assertThat(data.split(0.2, 43).validation()).isNotEqualTo(data.split(0.2, 42).validation());
    }
}
