package io.cncvision.cnc.modbus;

import java.util.Locale;

/**
 * A Modbus address: its table, the zero-based offset of its first register or bit ({@code holding:100}), and
 * how many registers it spans when it names a run of them ({@code holding:100[8]}, text), else 1.
 */
record RegisterAddress(Table table, int offset, int count) {

    /** The four Modbus tables, and how many of their entries one read may ask for (Modbus spec 6.1 to 6.4). */
    enum Table {
        HOLDING(false, 125),
        INPUT(false, 125),
        COIL(true, 2000),
        DISCRETE(true, 2000);

        private final boolean bits;
        private final int maximumPerRead;

        Table(boolean bits, int maximumPerRead) {
            this.bits = bits;
            this.maximumPerRead = maximumPerRead;
        }

        boolean bits() {
            return bits;
        }

        int maximumPerRead() {
            return maximumPerRead;
        }

        String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    RegisterAddress {
        if (offset < 0 || offset > 0xFFFF) {
            throw new IllegalArgumentException("modbus address offset must be 0..65535, not " + offset);
        }
        if (count < 1 || count > table.maximumPerRead()) {
            throw new IllegalArgumentException("a run of " + table.code() + " registers must be 1.."
                    + table.maximumPerRead() + " long (one read), not " + count);
        }
        if (count > 1 && table.bits()) {
            throw new IllegalArgumentException("a run of registers [n] is for holding or input registers, not "
                    + table.code() + "s");
        }
        if (offset + count - 1 > 0xFFFF) {
            throw new IllegalArgumentException("a run of " + count + " registers from " + offset
                    + " goes past the last address, 65535");
        }
    }

    /** One register or bit. */
    RegisterAddress(Table table, int offset) {
        this(table, offset, 1);
    }

    /** True for a run of registers named with its length ({@code holding:100[8]}). */
    boolean isRun() {
        return count > 1;
    }

    /**
     * Parses {@code holding:100}, {@code input:30}, {@code coil:5} or {@code discrete:7}, and a run of
     * registers, its first and how many, as {@code holding:100[8]}.
     */
    static RegisterAddress parse(String address) {
        int colon = address.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("modbus address '" + address
                    + "' must be table:offset, e.g. holding:100, input:30, coil:5 or discrete:7");
        }
        String table = address.substring(0, colon).trim().toUpperCase(Locale.ROOT);
        Table parsed;
        try {
            parsed = Table.valueOf(table);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("modbus address '" + address
                    + "': table must be holding, input, coil or discrete");
        }
        String rest = address.substring(colon + 1).trim();
        int count = 1;
        int bracket = rest.indexOf('[');
        if (bracket >= 0) {
            if (!rest.endsWith("]")) {
                throw new IllegalArgumentException("modbus address '" + address
                        + "': a run of registers is written first[count], e.g. holding:100[8]");
            }
            try {
                count = Integer.parseInt(rest.substring(bracket + 1, rest.length() - 1).trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("modbus address '" + address
                        + "': the count in [count] must be a number of registers, e.g. holding:100[8]");
            }
            rest = rest.substring(0, bracket).trim();
        }
        int offset;
        try {
            offset = Integer.parseInt(rest);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("modbus address '" + address + "': offset must be a number 0..65535");
        }
        try {
            return new RegisterAddress(parsed, offset, count);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("modbus address '" + address + "': " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return table.code() + ":" + offset + (count == 1 ? "" : "[" + count + "]");
    }
}
