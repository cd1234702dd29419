package io.cncvision.cnc.modbus;

import java.util.Locale;

/** A Modbus address: its table and the zero-based offset of its first register or bit ({@code holding:100}). */
record RegisterAddress(Table table, int offset) {

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
    }

    /** Parses {@code holding:100}, {@code input:30}, {@code coil:5} or {@code discrete:7}. */
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
        try {
            return new RegisterAddress(parsed, Integer.parseInt(address.substring(colon + 1).trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("modbus address '" + address + "': offset must be a number 0..65535");
        }
    }

    @Override
    public String toString() {
        return table.code() + ":" + offset;
    }
}
