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

    @Test
    void readsASerialFromARunOfRegistersTwoCharactersEachHighByteFirstUpToTheFirstNul() {
        RegisterMapping serial = mapping(MachineSignal.PART_ID, "holding:40[4]", false, Map.of("type", "ascii"));

        assertThat(serial.width()).isEqualTo(4);
        // "SN-12" then NUL padding
        assertThat(serial.read(new int[] {0x534E, 0x2D31, 0x3200, 0x0000})).contains("SN-12");
        assertThat(serial.read(new int[] {0, 0, 0, 0})).contains("");
        // space padding, as some controllers pad
        assertThat(serial.read(new int[] {0x4142, 0x2020, 0x2020, 0x2020})).contains("AB");
        assertThat(RegisterType.ascii("SN-12", 4)).containsExactly(0x534E, 0x2D31, 0x3200, 0x0000);
        assertThatThrownBy(() -> RegisterType.ascii("123456789", 4)).hasMessageContaining("at most 8 characters");
        // the type follows from the run
        assertThat(mapping(MachineSignal.PART_ID, "input:7[2]", false, Map.of()).read(new int[] {0x5031, 0}))
                .contains("P1");
        assertThat(RegisterAddress.parse("holding:40[4]")).isEqualTo(
                new RegisterAddress(RegisterAddress.Table.HOLDING, 40, 4));
        assertThat(RegisterAddress.parse("holding:40[4]").toString()).isEqualTo("holding:40[4]");
    }

    @Test
    void refusesARunOfRegistersThatCannotHoldText() {
        assertThatThrownBy(() -> RegisterAddress.parse("holding:40[0]")).hasMessageContaining("1..125");
        assertThatThrownBy(() -> RegisterAddress.parse("holding:40[126]")).hasMessageContaining("1..125");
        assertThatThrownBy(() -> RegisterAddress.parse("holding:40[x]"))
                .hasMessageContaining("the count in [count] must be a number");
        assertThatThrownBy(() -> RegisterAddress.parse("holding:40[8")).hasMessageContaining("first[count]");
        assertThatThrownBy(() -> RegisterAddress.parse("coil:4[8]")).hasMessageContaining("holding or input");
        assertThatThrownBy(() -> RegisterAddress.parse("holding:65530[8]")).hasMessageContaining("65535");
        assertThatThrownBy(() -> mapping(MachineSignal.PART_ID, "holding:40", false, Map.of("type", "ascii")))
                .hasMessageContaining("M1").hasMessageContaining("holding:40[8]");
        assertThatThrownBy(() -> mapping(MachineSignal.PART_ID, "holding:40[4]", false, Map.of("type", "uint32")))
                .hasMessageContaining("holds ascii text");
        assertThatThrownBy(() -> mapping(MachineSignal.SPINDLE_LOAD, "holding:40[4]", false, Map.of()))
                .hasMessageContaining("PART_ID or PROGRAM");
    }

    @Test
    void aSerialKeptAsANumberReadsAsItsDigits() {
        RegisterMapping serial = mapping(MachineSignal.PART_ID, "input:2", false, Map.of("type", "uint32"));

        assertThat(serial.read(new int[] {0x0001, 0x1170})).contains("70000");
    }

    @Test
    void thePartCounterIsReadFirstSoASerialReadAfterItIsNeverOlder() {
        List<ReadBlock> plan = ReadBlock.plan(List.of(
                mapping(MachineSignal.PART_ID, "holding:4[16]", false, Map.of()),
                mapping(MachineSignal.EXECUTION, "input:0", false, Map.of("values", "0=READY")),
                mapping(MachineSignal.PART_COUNT, "input:1", false, Map.of("type", "uint32")),
                mapping(MachineSignal.ALARM, "coil:0", false, Map.of())));

        assertThat(plan).map(ReadBlock::toString).containsExactly("input:0..2", "holding:4..19", "coil:0");
    }

    private static RegisterMapping mapping(MachineSignal signal, String address, boolean writable,
                                           Map<String, String> options) {
        return RegisterMapping.of(MACHINE, new SignalMapping(signal, "T1", address, writable, options));
    }
}
