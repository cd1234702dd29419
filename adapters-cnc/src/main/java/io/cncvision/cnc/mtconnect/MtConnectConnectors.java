package io.cncvision.cnc.mtconnect;

import io.cncvision.cnc.MachineConnection;
import io.cncvision.cnc.MachineConnector;
import java.util.Locale;

/**
 * Chooses how an MTConnect machine is heard: from an agent ({@code source: agent}, or an {@code http://}
 * endpoint) or straight from its adapter's SHDR port ({@code source: shdr}, or a {@code shdr://host:port}
 * endpoint).
 */
public final class MtConnectConnectors {

    private MtConnectConnectors() {
    }

    public static MachineConnector create(MachineConnection connection) {
        String endpoint = connection.endpoint().trim().toLowerCase(Locale.ROOT);
        String source = connection.option("source",
                endpoint.startsWith("shdr://") || endpoint.startsWith("tcp://") ? "shdr" : "agent");
        return switch (source.trim().toLowerCase(Locale.ROOT)) {
            case "agent" -> new MtConnectAgentConnector(connection);
            case "shdr" -> new ShdrConnector(connection);
            default -> throw new IllegalArgumentException("machine " + connection.machine()
                    + ": option source must be agent or shdr, not '" + source + "'");
        };
    }
}
