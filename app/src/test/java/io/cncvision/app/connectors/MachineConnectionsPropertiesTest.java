package io.cncvision.app.connectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cncvision.api.value.Protocol;
import io.cncvision.cnc.MachineConnection;
import io.cncvision.cnc.MachineSignal;
import io.cncvision.cnc.PartNumbers;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class MachineConnectionsPropertiesTest {

    static Map<String, String> entries(String... keysAndValues) {
        Map<String, String> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    static MachineConnectionsProperties bind(Map<String, String> yaml) {
        return new Binder(new MapConfigurationPropertySource(yaml))
                .bindOrCreate("cncvision", MachineConnectionsProperties.class);
    }

    @Test
    void aConfiguredMachineBecomesAConnectionWithItsSignals() {
        MachineConnectionsProperties properties = bind(entries(
                "cncvision.machines[0].id", "lathe-1",
                "cncvision.machines[0].protocol", "modbus",
                "cncvision.machines[0].endpoint", "10.0.4.22:502",
                "cncvision.machines[0].options.unit-id", "3",
                "cncvision.machines[0].signals[0].signal", "part-count",
                "cncvision.machines[0].signals[0].address", "holding:10",
                "cncvision.machines[0].signals[0].options.type", "uint32",
                "cncvision.machines[0].signals[1].signal", "TOOL_OFFSET",
                "cncvision.machines[0].signals[1].key", "T1.wear.x",
                "cncvision.machines[0].signals[1].address", "holding:20",
                "cncvision.machines[0].signals[1].writable", "true"));

        MachineConnection connection = properties.machines().get(0).toConnection(0);

        assertThat(connection.protocol()).isEqualTo(Protocol.MODBUS);
        assertThat(connection.name()).isEqualTo("lathe-1");
        assertThat(connection.option("unit-id", "1")).isEqualTo("3");
        assertThat(connection.mappings(MachineSignal.PART_COUNT)).singleElement()
                .satisfies(mapping -> assertThat(mapping.option("type", "uint16")).isEqualTo("uint32"));
        assertThat(connection.writableOffset("T1.wear.x").address()).isEqualTo("holding:20");
        assertThat(properties.connectors().buffer()).isEqualTo(100_000);
    }

    @Test
    void aMistakeNamesTheMachineAndWhatIsWrong() {
        MachineConnectionsProperties unknownSignal = bind(Map.of(
                "cncvision.machines[0].id", "lathe-1",
                "cncvision.machines[0].protocol", "opcua",
                "cncvision.machines[0].endpoint", "opc.tcp://lathe-1:4840",
                "cncvision.machines[0].signals[0].signal", "spindel-load",
                "cncvision.machines[0].signals[0].address", "ns=2;s=Load"));
        assertThatThrownBy(() -> unknownSignal.machines().get(0).toConnection(0))
                .hasMessageContaining("cncvision.machines[0] (lathe-1)").hasMessageContaining("spindel-load");

        MachineConnectionsProperties writableState = bind(Map.of(
                "cncvision.machines[0].id", "lathe-1",
                "cncvision.machines[0].protocol", "opcua",
                "cncvision.machines[0].endpoint", "opc.tcp://lathe-1:4840",
                "cncvision.machines[0].signals[0].signal", "execution",
                "cncvision.machines[0].signals[0].address", "ns=2;s=Execution",
                "cncvision.machines[0].signals[0].writable", "true"));
        assertThatThrownBy(() -> writableState.machines().get(0).toConnection(0))
                .hasMessageContaining("only tool offsets are written");

        MachineConnectionsProperties noProtocol = bind(Map.of("cncvision.machines[0].id", "lathe-1"));
        assertThatThrownBy(() -> noProtocol.machines().get(0).toConnection(0)).hasMessageContaining("protocol is required");
        assertThat(List.of(bind(Map.of()).machines())).containsExactly(List.of());
    }

    @Test
    void aMachinesPartNumbersAreItsDefaultAndThoseOfItsPrograms() {
        MachineConnectionsProperties properties = bind(entries(
                "cncvision.machines[0].id", "lathe-1",
                "cncvision.machines[0].protocol", "opcua",
                "cncvision.machines[0].endpoint", "opc.tcp://lathe-1:4840",
                "cncvision.machines[0].part-number", "PN-1234",
                "cncvision.machines[0].part-numbers.O5678", "PN-5678",
                "cncvision.machines[0].signals[0].signal", "part-id",
                "cncvision.machines[0].signals[0].address", "ns=2;s=Lathe/PartId"));

        PartNumbers numbers = properties.machines().get(0).toPartNumbers(0);

        assertThat(numbers.forProgram("O5678")).isEqualTo("PN-5678");
        assertThat(numbers.forProgram("O1234")).isEqualTo("PN-1234");
        assertThat(numbers.forProgram(null)).isEqualTo("PN-1234");
        assertThat(properties.machines().get(0).toConnection(0).mappings(MachineSignal.PART_ID)).hasSize(1);
        assertThat(bind(entries("cncvision.machines[0].id", "lathe-2")).machines().get(0).toPartNumbers(0))
                .isEqualTo(PartNumbers.NONE);
    }

    @Test
    void aBadPartNumberNamesTheMachineIndexAndTheField() {
        MachineConnectionsProperties blank = bind(entries(
                "cncvision.machines[0].id", "lathe-1",
                "cncvision.machines[1].id", "lathe-2",
                "cncvision.machines[1].part-number", " "));
        assertThatThrownBy(() -> blank.machines().get(1).toPartNumbers(1))
                .hasMessageContaining("cncvision.machines[1] (lathe-2).part-number must not be blank");

        MachineConnectionsProperties overlong = bind(entries(
                "cncvision.machines[0].id", "lathe-1",
                "cncvision.machines[0].part-numbers.O5678", "P".repeat(65)));
        assertThatThrownBy(() -> overlong.machines().get(0).toPartNumbers(0))
                .hasMessageContaining("cncvision.machines[0] (lathe-1).part-numbers.O5678")
                .hasMessageContaining("at most 64 characters");
    }
}
