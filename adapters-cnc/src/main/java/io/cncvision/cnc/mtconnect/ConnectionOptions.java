package io.cncvision.cnc.mtconnect;

import io.cncvision.cnc.MachineConnection;

/** Reads a machine's numeric options, naming the machine and the option when one is not a number. */
final class ConnectionOptions {

    private ConnectionOptions() {
    }

    /** Option {@code name} of {@code connection} as a whole number of at least {@code minimum}, or {@code fallback}. */
    static long number(MachineConnection connection, String name, long fallback, long minimum) {
        String value = connection.option(name, null);
        if (value == null) {
            return fallback;
        }
        try {
            long parsed = Long.parseLong(value.trim());
            if (parsed >= minimum) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException("machine " + connection.machine() + ": option " + name
                + " must be a whole number of at least " + minimum + ", not '" + value + "'");
    }

    static int integer(MachineConnection connection, String name, int fallback, int minimum) {
        return (int) Math.min(Integer.MAX_VALUE, number(connection, name, fallback, minimum));
    }
}
