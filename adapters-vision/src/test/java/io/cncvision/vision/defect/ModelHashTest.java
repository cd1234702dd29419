package io.cncvision.vision.defect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelHashTest {

    @TempDir
    Path temp;

    @Test
    void sameFilesGiveTheSameHashWhereverTheModelLies() throws Exception {
        assertThat(ModelHash.sha256(model(temp.resolve("a"), "weights")))
                .isEqualTo(ModelHash.sha256(model(temp.resolve("elsewhere/b"), "weights")));
    }

    @Test
    void anyChangedByteChangesTheHash() throws Exception {
        assertThat(ModelHash.sha256(model(temp.resolve("a"), "weights")))
                .isNotEqualTo(ModelHash.sha256(model(temp.resolve("b"), "weightz")));
    }

    @Test
    void metadataIsNotPartOfTheModel() throws Exception {
        Path dir = model(temp.resolve("a"), "weights");
        String before = ModelHash.sha256(dir);
        Files.writeString(dir.resolve(ModelMetadata.FILE_NAME), "{\"validationAccuracy\": 0.99}");
        assertThat(ModelHash.sha256(dir)).isEqualTo(before);
    }

    private static Path model(Path dir, String weights) throws Exception {
        Files.createDirectories(dir.resolve("variables"));
        Files.writeString(dir.resolve("saved_model.pb"), "graph");
        Files.writeString(dir.resolve("variables/variables.data-00000-of-00001"), weights);
        Files.writeString(dir.resolve("variables/variables.index"), "index");
        return dir;
    }
}
