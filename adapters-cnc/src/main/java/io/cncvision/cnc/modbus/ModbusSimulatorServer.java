package io.cncvision.cnc.modbus;

import com.ghgande.j2mod.modbus.ModbusException;
import com.ghgande.j2mod.modbus.procimg.InputRegister;
import com.ghgande.j2mod.modbus.procimg.Register;
import com.ghgande.j2mod.modbus.procimg.SimpleDigitalOut;
import com.ghgande.j2mod.modbus.procimg.SimpleInputRegister;
import com.ghgande.j2mod.modbus.procimg.SimpleProcessImage;
import com.ghgande.j2mod.modbus.procimg.SimpleRegister;
import com.ghgande.j2mod.modbus.slave.ModbusSlave;
import com.ghgande.j2mod.modbus.slave.ModbusSlaveFactory;
import io.cncvision.api.value.MachineId;
import io.cncvision.api.value.Protocol;
import io.cncvision.cnc.MachineConnection;
import io.cncvision.cnc.MachineConnection.SignalMapping;
import io.cncvision.cnc.MachineSignal;
import io.cncvision.cnc.simulator.LatheState;
import io.cncvision.cnc.simulator.SimulatedLathe;
import io.cncvision.cnc.simulator.SimulatorServer;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the simulated lathe over Modbus TCP (j2mod's slave), unit id {@value #UNIT_ID}. Zero-based
 * addresses; 32-bit values big-endian in both bytes and words (the first register holds the high word):
 *
 * <pre>
 * input:0       execution         uint16   0=READY 1=ACTIVE 2=STOPPED 3=INTERRUPTED 4=FEED_HOLD
 * input:1..2    part count        uint32
 * input:3       spindle speed     uint16   rev/min
 * input:4..5    spindle load      float32  %
 * input:6       feed override     uint16   %
 * input:7       active tool       uint16
 * input:8..9    X position        float32  mm
 * input:10..11  Z position        float32  mm
 * input:12      program number    uint16   1234 = O1234
 * holding:0..1  T1.wear.x         float32  mm, writable
 * holding:2..3  T1.geometry.x     float32  mm, writable
 * holding:4..19 part serial       ascii    32 characters (holding:4[16]), the last part made's, NUL-padded
 * coil:0        COOLANT_LOW       1 while active (WARNING)
 * coil:1        SPINDLE_OVERLOAD  1 while active (FAULT)
 * </pre>
 *
 * An offset is written with both its registers in one request (function 16); it reaches the lathe when its
 * second register is written, and takes effect from the lathe's next part. Anything else the server holds
 * is the lathe's: what a client writes there is overwritten at the lathe's next change. {@link
 * #connection} is the matching configuration for the platform.
 */
public final class ModbusSimulatorServer implements SimulatorServer {

    private static final Logger log = LoggerFactory.getLogger(ModbusSimulatorServer.class);
    public static final int UNIT_ID = 1;
    /** Execution states by their register value. */
    public static final List<String> EXECUTION_CODES = List.of("READY", "ACTIVE", "STOPPED", "INTERRUPTED", "FEED_HOLD");
    static final List<String> OFFSETS = List.of(SimulatedLathe.WEAR_OFFSET, SimulatedLathe.GEOMETRY_OFFSET);
    static final List<String> ALARMS = List.of("COOLANT_LOW", "SPINDLE_OVERLOAD");
    private static final int INPUT_REGISTERS = 13;
    /** The part serial's run of holding registers, after the offsets': 32 characters. */
    static final int SERIAL_FIRST = 4;
    static final int SERIAL_REGISTERS = 16;

    private final Object lock = new Object();
    private ModbusSlave slave;
    private SimulatedLathe lathe;
    private int port;
    private SimpleInputRegister[] inputs;
    private OffsetRegister[] offsetRegisters;
    private SimpleRegister[] serialRegisters;
    private SimpleDigitalOut[] alarmCoils;
    private volatile boolean serving;

    /** The configuration that reads this server's map: the platform's side of the table above. */
    public static MachineConnection connection(MachineId machine, String host, int port) {
        String execution = String.join(",", EXECUTION_CODES.stream()
                .map(code -> EXECUTION_CODES.indexOf(code) + "=" + code).toList());
        return new MachineConnection(machine, "Simulated lathe (Modbus)", Protocol.MODBUS, host + ":" + port,
                Map.of("unit-id", Integer.toString(UNIT_ID), "poll-interval", "100", "timeout", "1000", "retries", "1"),
                List.of(
                        new SignalMapping(MachineSignal.EXECUTION, null, "input:0", false, Map.of("values", execution)),
                        new SignalMapping(MachineSignal.PART_ID, null,
                                "holding:" + SERIAL_FIRST + "[" + SERIAL_REGISTERS + "]", false, Map.of("type", "ascii")),
                        new SignalMapping(MachineSignal.PART_COUNT, null, "input:1", false, Map.of("type", "uint32")),
                        new SignalMapping(MachineSignal.SPINDLE_SPEED, null, "input:3", false, Map.of()),
                        new SignalMapping(MachineSignal.SPINDLE_LOAD, null, "input:4", false, Map.of("type", "float32")),
                        new SignalMapping(MachineSignal.FEED_OVERRIDE, null, "input:6", false, Map.of()),
                        new SignalMapping(MachineSignal.ACTIVE_TOOL, null, "input:7", false, Map.of()),
                        new SignalMapping(MachineSignal.AXIS_POSITION, "X", "input:8", false, Map.of("type", "float32")),
                        new SignalMapping(MachineSignal.AXIS_POSITION, "Z", "input:10", false, Map.of("type", "float32")),
                        new SignalMapping(MachineSignal.PROGRAM, null, "input:12", false,
                                Map.of("values", "1234=" + SimulatedLathe.PROGRAM)),
                        new SignalMapping(MachineSignal.TOOL_OFFSET, SimulatedLathe.WEAR_OFFSET, "holding:0", true,
                                Map.of("type", "float32")),
                        new SignalMapping(MachineSignal.TOOL_OFFSET, SimulatedLathe.GEOMETRY_OFFSET, "holding:2", true,
                                Map.of("type", "float32")),
                        new SignalMapping(MachineSignal.ALARM, "COOLANT_LOW", "coil:0", false,
                                Map.of("level", "WARNING", "text", "Coolant level low")),
                        new SignalMapping(MachineSignal.ALARM, "SPINDLE_OVERLOAD", "coil:1", false,
                                Map.of("level", "FAULT", "text", "Spindle overload: cycle stopped"))),
                null, null);
    }

    @Override
    public void start(SimulatedLathe lathe, int port) throws ModbusException {
        if (slave != null) {
            throw new IllegalStateException("modbus simulator already serving on port " + this.port);
        }
        this.lathe = lathe;
        this.port = port;
        LockedProcessImage image = new LockedProcessImage();
        inputs = new SimpleInputRegister[INPUT_REGISTERS];
        for (int i = 0; i < inputs.length; i++) {
            inputs[i] = new SimpleInputRegister(0);
            image.addInputRegister(inputs[i]);
        }
        offsetRegisters = new OffsetRegister[OFFSETS.size() * 2];
        for (int i = 0; i < offsetRegisters.length; i++) {
            offsetRegisters[i] = new OffsetRegister(i);
            image.addRegister(offsetRegisters[i]);
        }
        serialRegisters = new SimpleRegister[SERIAL_REGISTERS];
        for (int i = 0; i < serialRegisters.length; i++) {
            serialRegisters[i] = new SimpleRegister(0);
            image.addRegister(serialRegisters[i]);
        }
        alarmCoils = new SimpleDigitalOut[ALARMS.size()];
        for (int i = 0; i < alarmCoils.length; i++) {
            alarmCoils[i] = new SimpleDigitalOut(false);
            image.addDigitalOut(alarmCoils[i]);
        }
        show(lathe.state());
        serving = true;
        lathe.onChange(state -> {
            if (serving) {
                show(state);
            }
        });
        // j2mod keeps one slave per port for the whole JVM; close() hands it back
        ModbusSlave created = ModbusSlaveFactory.createTCPSlave(port, 5);
        created.addProcessImage(UNIT_ID, image);
        try {
            created.open();
        } catch (ModbusException e) {
            ModbusSlaveFactory.close(created);
            serving = false;
            throw new ModbusException("modbus simulator cannot serve on port " + port + ": " + e.getMessage());
        }
        slave = created;
        log.info("modbus simulator serving the lathe on port {}, unit {}", port, UNIT_ID);
    }

    @Override
    public String endpoint() {
        return "modbus://localhost:" + port;
    }

    @Override
    public void close() {
        serving = false;
        if (slave != null) {
            ModbusSlaveFactory.close(slave);
            slave = null;
            log.info("modbus simulator on port {} closed", port);
        }
    }

    private void show(LatheState state) {
        synchronized (lock) {
            int execution = EXECUTION_CODES.indexOf(state.execution());
            inputs[0].setValue(execution < 0 ? 0 : execution);
            words(1, RegisterType.UINT32.encode(state.partCount(), false));
            inputs[3].setValue((int) Math.round(state.spindleSpeed()));
            words(4, RegisterType.FLOAT32.encode(state.spindleLoad(), false));
            inputs[6].setValue((int) Math.round(state.feedOverride()));
            inputs[7].setValue(state.activeTool());
            words(8, RegisterType.FLOAT32.encode(state.xPosition(), false));
            words(10, RegisterType.FLOAT32.encode(state.zPosition(), false));
            inputs[12].setValue(Integer.parseInt(state.program().replaceAll("\\D", "")));
            int[] serial = RegisterType.ascii(state.partSerial() == null ? "" : state.partSerial(), SERIAL_REGISTERS);
            for (int i = 0; i < serial.length; i++) {
                serialRegisters[i].setValue(serial[i]);
            }
            for (int i = 0; i < OFFSETS.size(); i++) {
                int[] offset = RegisterType.FLOAT32.encode(state.offsets().getOrDefault(OFFSETS.get(i), 0.0), false);
                offsetRegisters[2 * i].load(offset[0]);
                offsetRegisters[2 * i + 1].load(offset[1]);
            }
            for (int i = 0; i < ALARMS.size(); i++) {
                alarmCoils[i].set(state.alarms().containsKey(ALARMS.get(i)));
            }
        }
    }

    private void words(int first, int[] registers) {
        for (int i = 0; i < registers.length; i++) {
            inputs[first + i].setValue(registers[i]);
        }
    }

    // A client wrote one of an offset's registers: the second completes the value.
    private void offsetWritten(int index) {
        if (index % 2 == 0) {
            return;
        }
        String offset = OFFSETS.get(index / 2);
        double value = RegisterType.FLOAT32.decode(new int[] {offsetRegisters[index - 1].getValue(),
                offsetRegisters[index].getValue()}, false);
        log.info("modbus simulator: {} written: {}", offset, value);
        lathe.writeOffset(offset, value);
    }

    /** A holding register of an offset: a client's write reaches the lathe, the lathe's value is loaded. */
    private final class OffsetRegister extends SimpleRegister {

        private final int index;

        OffsetRegister(int index) {
            super(0);
            this.index = index;
        }

        void load(int value) {
            super.setValue(value);
        }

        @Override
        public void setValue(int value) {
            super.setValue(value);
            offsetWritten(index);
        }

        @Override
        public void setValue(short value) {
            super.setValue(value);
            offsetWritten(index);
        }

        @Override
        public void setValue(byte[] bytes) {
            super.setValue(bytes);
            offsetWritten(index);
        }
    }

    // Reads of the lathe's values take a copy under the lock, so a 32-bit value is never half old, half new.
    private final class LockedProcessImage extends SimpleProcessImage {

        LockedProcessImage() {
            super(UNIT_ID);
        }

        @Override
        public InputRegister[] getInputRegisterRange(int offset, int count) {
            synchronized (lock) {
                InputRegister[] range = super.getInputRegisterRange(offset, count);
                InputRegister[] copy = new InputRegister[range.length];
                for (int i = 0; i < range.length; i++) {
                    copy[i] = new SimpleInputRegister(range[i].getValue());
                }
                return copy;
            }
        }

        // The serial's registers are read as one, never half the old serial and half the new; the offsets'
        // registers stay live, for a client's write reaches them through this range.
        @Override
        public Register[] getRegisterRange(int offset, int count) {
            synchronized (lock) {
                Register[] range = super.getRegisterRange(offset, count);
                if (offset < SERIAL_FIRST) {
                    return range;
                }
                Register[] copy = new Register[range.length];
                for (int i = 0; i < range.length; i++) {
                    copy[i] = new SimpleRegister(range[i].getValue());
                }
                return copy;
            }
        }
    }
}
