package io.cncvision.app.vision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cncvision.api.value.CharacteristicId;
import io.cncvision.api.value.MachineId;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A camera's own inspection and characteristics over the defaults, and errors that name the entry. */
class VisionPropertiesTest {

    private static final VisionProperties.Inspection DEFAULTS =
            new VisionProperties.Inspection("ring", "40,40,200,200", Path.of("models/neu-det"), "1040,784,200,200", null);

    private static VisionProperties.Camera camera(String id, String machine, Map<String, String> characteristics,
                                                  VisionProperties.Inspection inspection) {
        return new VisionProperties.Camera(id, null, "folder", "/tmp/" + id, Map.of(), null, null, machine, null,
                characteristics, inspection);
    }

    @Test
    void aCamerasOwnEntriesReplaceTheDefaultsFieldByField() {
        VisionProperties properties = new VisionProperties(1, List.of(
                camera("cam-1", "lathe-1", Map.of(), null),
                camera("cam-2", null, Map.of("bore-diameter", "pn5678-bore"),
                        new VisionProperties.Inspection("/etc/pn5678.yaml", null, null, null, 12.0))),
                null, Map.of("bore-diameter", "pn1234-bore", "outer-diameter", "pn1234-od"), DEFAULTS);

        assertThat(properties.inspection(0)).isEqualTo(DEFAULTS);
        assertThat(properties.inspection(1)).isEqualTo(new VisionProperties.Inspection("/etc/pn5678.yaml",
                "40,40,200,200", Path.of("models/neu-det"), "1040,784,200,200", 12.0));
        assertThat(properties.characteristicOfFeature(0)).containsEntry("bore-diameter", CharacteristicId.of("pn1234-bore"));
        assertThat(properties.characteristicOfFeature(1))
                .containsEntry("bore-diameter", CharacteristicId.of("pn5678-bore"))
                .containsEntry("outer-diameter", CharacteristicId.of("pn1234-od"));
        assertThat(properties.cameras().get(0).machineId(0)).isEqualTo(MachineId.of("lathe-1"));
        assertThat(properties.cameras().get(0).cycleWindow()).isEqualTo(Duration.ofSeconds(30));
        assertThat(properties.cameras().get(1).machineId(1)).isNull();
    }

    @Test
    void aCameraWithoutInspectionAnywhereIsOnlyCounted() {
        VisionProperties properties = new VisionProperties(1, List.of(camera("cam-1", null, null, null)), null, null,
                null);

        assertThat(properties.inspection(0)).isNull();
    }

    @Test
    void mistakesNameTheEntryTheyAreIn() {
        VisionProperties noRecipe = new VisionProperties(1, List.of(camera("cam-1", null, null,
                new VisionProperties.Inspection(null, null, null, null, null))), null, null, null);
        assertThatThrownBy(() -> noRecipe.inspection(0))
                .hasMessageContaining("cncvision.vision.cameras[0].inspection.recipe is required");

        VisionProperties badRegion = new VisionProperties(1, List.of(camera("cam-1", null, null, null)), null, null,
                new VisionProperties.Inspection("ring", "40,40,200", null, null, null));
        assertThatThrownBy(() -> badRegion.inspection(0))
                .hasMessageContaining("cncvision.vision.inspection.code-region must be x,y,width,height");

        VisionProperties badMachine = new VisionProperties(1, List.of(camera("cam-1", "lathe 1", null, null)), null,
                null, null);
        assertThatThrownBy(() -> badMachine.cameras().get(0).machineId(0))
                .hasMessageStartingWith("cncvision.vision.cameras[0].machine:");

        VisionProperties badCharacteristic = new VisionProperties(1,
                List.of(camera("cam-1", null, Map.of("bore-diameter", "no spaces"), null)), null, null, null);
        assertThatThrownBy(() -> badCharacteristic.characteristicOfFeature(0))
                .hasMessageStartingWith("cncvision.vision.cameras[0].characteristics.bore-diameter:");
    }
}
