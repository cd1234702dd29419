package io.cncvision.vision.defect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DefectImagesTest {

    @TempDir
    Path temp;

    @Test
    void refusesAnEmptyFileNamingIt() throws Exception {
        Path empty = Files.createFile(temp.resolve("empty.jpg"));
        assertThatThrownBy(() -> DefectImages.read(empty))
                .isInstanceOf(UnreadableImageException.class)
                .hasMessageContaining(empty.toString()).hasMessageContaining("empty");
    }

    @Test
    void refusesAFileThatIsNotAnImage() throws Exception {
        Path text = Files.writeString(temp.resolve("notes.jpg"), "not a picture at all\n");
        assertThatThrownBy(() -> DefectImages.read(text))
                .isInstanceOf(UnreadableImageException.class)
                .hasMessageContaining(text.toString()).hasMessageContaining("not an image");
    }

    @Test
    void refusesATruncatedJpeg() throws Exception {
        Path real = DefectDataset.scan(NeuDet.images()).examples().get(0).file();
        byte[] bytes = Files.readAllBytes(real);
        Path truncated = Files.write(temp.resolve("truncated.jpg"), Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> DefectImages.read(truncated))
                .isInstanceOf(UnreadableImageException.class)
                .hasMessageContaining(truncated.toString());
    }

    @Test
    void readsARealImage() throws Exception {
        Path real = DefectDataset.scan(NeuDet.images()).examples().get(0).file();
        BufferedImage image = DefectImages.read(real);
        assertThat(image.getWidth()).isEqualTo(200);
        assertThat(image.getHeight()).isEqualTo(200);
    }

    @Test
    void areaAverageKeepsTheMeanOfAnImage() {
        float[] in = new float[200 * 200];
        for (int i = 0; i < in.length; i++) {
            in[i] = (i * 7919) % 256;
        }
        float[] out = DefectImages.areaAverage(in, 200, 200, 64);
        assertThat(mean(out)).isCloseTo(mean(in), org.assertj.core.data.Offset.offset(0.5));
    }

    @Test
    void everySymmetryIsAPermutationAndTheFirstIsTheIdentity() {
        int size = 5;
        float[] in = new float[size * size];
        for (int i = 0; i < in.length; i++) {
            in[i] = i;
        }
        for (int symmetry = 0; symmetry < 8; symmetry++) {
            float[] out = new float[in.length];
            Arrays.fill(out, -1);
            DefectImages.transform(in, size, symmetry, out, 0);
            float[] sorted = out.clone();
            Arrays.sort(sorted);
            assertThat(sorted).containsExactly(in);
            if (symmetry == 0) {
                assertThat(out).containsExactly(in);
            }
        }
    }

    private static double mean(float[] values) {
        double sum = 0;
        for (float v : values) {
            sum += v;
        }
        return sum / values.length;
    }
}
