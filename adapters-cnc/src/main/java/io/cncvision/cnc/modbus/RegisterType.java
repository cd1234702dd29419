package io.cncvision.cnc.modbus;

import java.util.Locale;

/** How a value is laid out in 16-bit registers. */
enum RegisterType {
    INT16(1, Short.MIN_VALUE, Short.MAX_VALUE),
    UINT16(1, 0, 0xFFFF),
    INT32(2, Integer.MIN_VALUE, Integer.MAX_VALUE),
    UINT32(2, 0, 0xFFFF_FFFFL),
    FLOAT32(2, 0, 0),
    /** Text, two characters a register, the first in the high byte; as many registers as the address's run. */
    ASCII(0, 0, 0);

    private final int words;
    private final long minimum;
    private final long maximum;

    RegisterType(int words, long minimum, long maximum) {
        this.words = words;
        this.minimum = minimum;
        this.maximum = maximum;
    }

    static RegisterType parse(String type) {
        try {
            return valueOf(type.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("modbus type '" + type
                    + "' must be int16, uint16, int32, uint32, float32 or ascii");
        }
    }

    /** Registers a value takes; 0 for ascii, whose length the address gives. */
    int words() {
        return words;
    }

    /**
     * The text in {@code registers}: two 8-bit characters a register, high byte first, up to the first NUL
     * (controllers pad a shorter text with NULs, some with spaces, which are trimmed too).
     */
    static String ascii(int[] registers) {
        StringBuilder text = new StringBuilder(registers.length * 2);
        for (int register : registers) {
            for (int shift : new int[] {8, 0}) {
                char c = (char) (register >> shift & 0xFF);
                if (c == 0) {
                    return text.toString().strip();
                }
                text.append(c);
            }
        }
        return text.toString().strip();
    }

    /** {@code text} in {@code count} registers, as {@link #ascii(int[])} reads it; refuses text that does not fit. */
    static int[] ascii(String text, int count) {
        if (text.length() > count * 2 || text.chars().anyMatch(c -> c > 0x7F)) {
            throw new IllegalArgumentException("'" + text + "' is not ASCII text of at most " + count * 2
                    + " characters");
        }
        int[] registers = new int[count];
        for (int i = 0; i < text.length(); i++) {
            registers[i / 2] |= text.charAt(i) << (i % 2 == 0 ? 8 : 0);
        }
        return registers;
    }

    /** The value of {@code words} (unsigned 16-bit, in register order); {@code littleWordOrder}: the first is the low word. */
    double decode(int[] registers, boolean littleWordOrder) {
        if (words == 1) {
            return this == INT16 ? (short) registers[0] : registers[0] & 0xFFFF;
        }
        int high = registers[littleWordOrder ? 1 : 0] & 0xFFFF;
        int low = registers[littleWordOrder ? 0 : 1] & 0xFFFF;
        int bits = high << 16 | low;
        return switch (this) {
            case INT32 -> bits;
            case UINT32 -> bits & 0xFFFF_FFFFL;
            // through its shortest decimal text, so 0.0123f reads 0.0123 rather than 0.012299999594688416
            default -> Double.parseDouble(Float.toString(Float.intBitsToFloat(bits)));
        };
    }

    /**
     * The registers holding {@code value}, in register order; integer types round to the nearest. Fails with
     * {@link IllegalArgumentException} for a value the type cannot hold.
     */
    int[] encode(double value, boolean littleWordOrder) {
        if (this == ASCII) {
            throw new IllegalArgumentException("a number cannot be written as ascii text");
        }
        long bits;
        if (this == FLOAT32) {
            if (!Double.isFinite(value) || Math.abs(value) > Float.MAX_VALUE) {
                throw new IllegalArgumentException(value + " does not fit a float32");
            }
            bits = Float.floatToIntBits((float) value) & 0xFFFF_FFFFL;
        } else {
            double rounded = Math.rint(value);
            if (!Double.isFinite(value) || rounded < minimum || rounded > maximum) {
                throw new IllegalArgumentException(value + " does not fit a " + name().toLowerCase(Locale.ROOT)
                        + " (" + minimum + ".." + maximum + ")");
            }
            bits = (long) rounded;
        }
        if (words == 1) {
            return new int[] {(int) (bits & 0xFFFF)};
        }
        int high = (int) (bits >>> 16 & 0xFFFF);
        int low = (int) (bits & 0xFFFF);
        return littleWordOrder ? new int[] {low, high} : new int[] {high, low};
    }
}
