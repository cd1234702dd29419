package io.cncvision.cnc.modbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.cncvision.api.value.MachineId;
import io.cncvision.cnc.MachineConnection.SignalMapping;
import io.cncvision.cnc.MachineSignal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Addresses, register types and the grouping of reads, without a network. */
class RegisterMapTest {

    private static final MachineId MACHINE = new MachineId("M1");

    @Test
    void decodesAndEncodesEachTypeInBothWordOrders() {
        // 0x41200000 is 10.0f; 0x00011170 is 70000
        assertThat(RegisterType.FLOAT32.decode(new int[] {0x4120, 0x0000}, false)).isEqualTo(10.0);
        assertThat(RegisterType.FLOAT32.decode(new int[] {0x0000, 0x4120}, true)).isEqualTo(10.0);
        assertThat(RegisterType.UINT32.decode(new int[] {0x0001, 0x1170}, false)).isEqualTo(70000);
        assertThat(RegisterType.UINT32.decode(new int[] {0x1170, 0x0001}, true)).isEqualTo(70000);
        assertThat(RegisterType.INT32.decode(new int[] {0xFFFF, 0xFFFE}, false)).isEqualTo(-2);
        assertThat(RegisterType.UINT32.decode(new int[] {0xFFFF, 0xFFFE}, false)).isEqualTo(4294967294.0);
        assertThat(RegisterType.INT16.decode(new int[] {0xFB2E}, false)).isEqualTo(-1234);
        assertThat(RegisterType.UINT16.decode(new int[] {0xFB2E}, false)).isEqualTo(64302);

        assertThat(RegisterType.FLOAT32.encode(10.0, true)).containsExactly(0x0000, 0x4120);
        assertThat(RegisterType.INT32.encode(-2, false)).containsExactly(0xFFFF, 0xFFFE);
        assertThat(RegisterType.INT16.encode(-1234, false)).containsExactly(0xFB2E);
        assertThat(RegisterType.FLOAT32.decode(RegisterType.FLOAT32.encode(0.0123, false), false)).isEqualTo(0.0123);
    }

    @Test
    void refusesValuesTheTypeCannotHold() {
        assertThatThrownBy(() -> RegisterType.INT16.encode(32768, false)).hasMessageContaining("int16");
        assertThatThrownBy(() -> RegisterType.UINT16.encode(-1, false)).hasMessageContaining("uint16");
        assertThatThrownBy(() -> RegisterType.UINT32.encode(4294967296.0, false)).hasMessageContaining("uint32");
        assertThatThrownBy(() -> RegisterType.FLOAT32.encode(1e39, false)).hasMessageContaining("float32");
    }

    @Test
    void scalesAndOffsetsBothWays() {
        RegisterMapping offset = mapping(MachineSignal.TOOL_OFFSET, "holding:4", true,
                Map.of("type", "int16", "scale", "0.001", "offset", "-1"));

        assertThat(offset.encode(-0.95)).containsExactly(50);
        assertThat(offset.physical(new int[] {50})).isEqualTo(-0.95, within(1e-12));
        assertThatThrownBy(() -> offset.encode(40)).hasMessageContaining("TOOL_OFFSET T1 at holding:4 (int16)");
    }

    @Test
    void groupsTouchingSignalsOfOneTableIntoOneRead() {
        List<ReadBlock> plan = ReadBlock.plan(List.of(
                mapping(MachineSignal.SPINDLE_LOAD, "input:4", false, Map.of("type", "float32")),
                mapping(MachineSignal.SPINDLE_SPEED, "input:3", false, Map.of()),
                mapping(MachineSignal.FEED_OVERRIDE, "input:6", false, Map.of()),
                mapping(MachineSignal.ACTIVE_TOOL, "input:9", false, Map.of()),
                mapping(MachineSignal.AXIS_POSITION, "holding:3", false, Map.of()),
                mapping(MachineSignal.ALARM, "coil:0", false, Map.of()),
                mapping(MachineSignal.ALARM, "coil:1", false, Map.of())));

        assertThat(plan).map(ReadBlock::toString).containsExactly("holding:3", "input:3..6", "input:9", "coil:0..1");
        assertThat(plan.get(1).members()).hasSize(3);
    }

    @Test
    void readsAddressesAndRefusesMalformedOnes() {
        assertThat(RegisterAddress.parse("holding:100")).isEqualTo(new RegisterAddress(RegisterAddress.Table.HOLDING, 100));
        assertThat(RegisterAddress.parse("Discrete: 7")).isEqualTo(new RegisterAddress(RegisterAddress.Table.DISCRETE, 7));
        assertThatThrownBy(() -> RegisterAddress.parse("40001")).hasMessageContaining("table:offset");
        assertThatThrownBy(() -> RegisterAddress.parse("holding:70000")).hasMessageContaining("0..65535");
        assertThatThrownBy(() -> RegisterAddress.parse("register:1")).hasMessageContaining("holding, input, coil or discrete");
        assertThatThrownBy(() -> mapping(MachineSignal.TOOL_OFFSET, "input:1", true, Map.of()))
                .hasMessageContaining("M1").hasMessageContaining("only holding registers can be written");
    }

    private static RegisterMapping mapping(MachineSignal signal, String address, boolean writable,
                                           Map<String, String> options) {
        return RegisterMapping.of(MACHINE, new SignalMapping(signal, "T1", address, writable, options));
    }
}
