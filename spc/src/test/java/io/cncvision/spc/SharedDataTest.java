package io.cncvision.spc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SharedDataTest {

    @Test
    void readsMontgomerysPistonRings() {
        double[] diameters = SharedData.column("spc/qcc/pistonrings.txt", "diameter");
        assertThat(diameters).hasSize(200);
        assertThat(diameters[0]).isEqualTo(74.030);
    }
}
