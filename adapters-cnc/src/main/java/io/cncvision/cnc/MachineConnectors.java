package io.cncvision.cnc;

import io.cncvision.cnc.modbus.ModbusConnector;
import io.cncvision.cnc.mtconnect.MtConnectConnectors;
import io.cncvision.cnc.opcua.OpcUaConnector;

/** Builds the connector of a configured machine, by its protocol. */
public final class MachineConnectors {

    private MachineConnectors() {
    }

    /** The connector for {@code connection}; not started. */
    public static MachineConnector create(MachineConnection connection) {
        MachineConnector connector = switch (connection.protocol()) {
            case MTCONNECT -> MtConnectConnectors.create(connection);
            case MANUAL -> throw new IllegalArgumentException("machine " + connection.machine()
                    + " is reported by hand (protocol manual): it has no connector");
            case MODBUS -> new ModbusConnector(connection);
            case OPCUA -> new OpcUaConnector(connection);
            default -> null;
        };
        if (connector == null) {
            throw new IllegalArgumentException("machine " + connection.machine() + ": no connector for "
                    + connection.protocol().code());
        }
        return connector;
    }
}
