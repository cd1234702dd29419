package io.cncvision.cnc.modbus;

import io.cncvision.api.value.MachineId;
import io.cncvision.cnc.AlarmLevel;
import io.cncvision.cnc.MachineConnection.SignalMapping;
import io.cncvision.cnc.MachineSignal;
import io.cncvision.cnc.Observation.AlarmReport;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One configured signal as Modbus sees it: where it is, how its registers hold it, and what its values mean.
 * Options are described in the package documentation.
 */
record RegisterMapping(SignalMapping signal, RegisterAddress address, RegisterType type, boolean littleWordOrder,
                       double scale, double offset, Map<Long, String> values, AlarmLevel level, String text) {

    /** Reads {@code signal}'s address and options; refuses a configuration that cannot work, naming the machine. */
    static RegisterMapping of(MachineId machine, SignalMapping signal) {
        String where = "machine " + machine + ", signal " + signal.signal()
                + (signal.key() == null ? "" : " " + signal.key()) + " at " + signal.address();
        try {
            RegisterAddress address = RegisterAddress.parse(signal.address());
            RegisterType type = address.table().bits() ? RegisterType.UINT16
                    : RegisterType.parse(signal.option("type", address.isRun() ? "ascii" : "uint16"));
            if (type == RegisterType.ASCII) {
                if (signal.signal() != MachineSignal.PART_ID && signal.signal() != MachineSignal.PROGRAM) {
                    throw new IllegalArgumentException("ascii text is read for PART_ID or PROGRAM, not "
                            + signal.signal());
                }
                if (!address.isRun()) {
                    throw new IllegalArgumentException("ascii text needs its run of registers: first[count], e.g. "
                            + address + "[8] for up to 16 characters");
                }
            } else if (address.isRun()) {
                throw new IllegalArgumentException("a run of registers [n] holds ascii text, not "
                        + type.name().toLowerCase(Locale.ROOT) + ": set type: ascii or name one register");
            }
            String words = signal.option("words", "big").trim().toLowerCase(Locale.ROOT);
            if (!words.equals("big") && !words.equals("little")) {
                throw new IllegalArgumentException("words must be big or little, not '" + words + "'");
            }
            double scale = number(signal, "scale", 1);
            if (scale == 0) {
                throw new IllegalArgumentException("scale must not be 0");
            }
            double offset = number(signal, "offset", 0);
            Map<Long, String> values = values(signal.option("values", ""));
            if (signal.signal() == MachineSignal.EXECUTION && values.isEmpty()) {
                throw new IllegalArgumentException("an execution state needs the texts of its values, e.g."
                        + " values: \"0=READY,1=ACTIVE,2=STOPPED\"");
            }
            if (signal.writable() && address.table() != RegisterAddress.Table.HOLDING) {
                throw new IllegalArgumentException("only holding registers can be written, not " + address.table().code());
            }
            AlarmLevel level = AlarmLevel.valueOf(signal.option("level", "FAULT").trim().toUpperCase(Locale.ROOT));
            if (level == AlarmLevel.NORMAL) {
                throw new IllegalArgumentException("an alarm's level is WARNING or FAULT, not NORMAL");
            }
            String text = signal.option("text", signal.key() == null ? signal.signal().name() : signal.key());
            return new RegisterMapping(signal, address, type, words.equals("little"), scale, offset, values, level, text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }

    /** Registers (or bits) the value takes from its address on. */
    int width() {
        return type == RegisterType.ASCII ? address.count() : type.words();
    }

    /** What is reported for these registers (its {@link #width()}); empty for a value the configuration gives no text for. */
    Optional<Object> read(int[] registers) {
        return type == RegisterType.ASCII ? Optional.of(RegisterType.ascii(registers)) : value(physical(registers));
    }

    /** The signal's value from its registers (0 or 1 for a bit): scaled and offset. */
    double physical(int[] registers) {
        double raw = address.table().bits() ? registers[0] : type.decode(registers, littleWordOrder);
        return scale == 1 && offset == 0 ? raw : raw * scale + offset;
    }

    /** What is reported for {@code physical}; empty for a value the configuration gives no text for. */
    Optional<Object> value(double physical) {
        return switch (signal.signal()) {
            case EXECUTION -> Optional.ofNullable(values.get(Math.round(physical)));
            case PROGRAM -> Optional.of(values.getOrDefault(Math.round(physical), Long.toString(Math.round(physical))));
            case PART_COUNT, ACTIVE_TOOL -> Optional.of(Math.round(physical));
            // a serial a controller keeps as a number
            case PART_ID -> Optional.of(Long.toString(Math.round(physical)));
            case ALARM -> Optional.of(new AlarmReport(physical != 0 ? level : AlarmLevel.NORMAL, text));
            default -> Optional.of(physical);
        };
    }

    /**
     * The registers that hold {@code physical}, undoing scale and offset; fails with
     * {@link IllegalArgumentException}, naming the signal, for a value the registers cannot hold.
     */
    int[] encode(double physical) {
        double raw = (physical - offset) / scale;
        try {
            return type.encode(raw, littleWordOrder);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(describe() + ": " + physical
                    + (scale == 1 && offset == 0 ? "" : " (register value " + raw + ")")
                    + " does not fit: " + e.getMessage(), e);
        }
    }

    /** The signal and its address, for messages: {@code TOOL_OFFSET T1.wear.x at holding:20 (float32)}. */
    String describe() {
        return signal.signal() + (signal.key() == null ? "" : " " + signal.key()) + " at " + address
                + (address.table().bits() ? "" : " (" + type.name().toLowerCase(Locale.ROOT) + ")");
    }

    private static double number(SignalMapping signal, String option, double fallback) {
        String text = signal.option(option, null);
        if (text == null) {
            return fallback;
        }
        try {
            double value = Double.parseDouble(text.trim());
            if (!Double.isFinite(value)) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a finite number, not '" + text + "'");
        }
    }

    // "0=READY,1=ACTIVE" -> {0: READY, 1: ACTIVE}
    private static Map<Long, String> values(String text) {
        Map<Long, String> values = new LinkedHashMap<>();
        for (String entry : text.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            int equals = entry.indexOf('=');
            try {
                if (equals < 0) {
                    throw new NumberFormatException();
                }
                values.put(Long.parseLong(entry.substring(0, equals).trim()), entry.substring(equals + 1).trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("values must read like \"0=READY,1=ACTIVE\", not '" + text + "'");
            }
        }
        return Map.copyOf(values);
    }
}
