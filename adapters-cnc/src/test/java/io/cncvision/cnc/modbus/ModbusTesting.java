package io.cncvision.cnc.modbus;

import io.cncvision.cnc.MachineConnection.SignalMapping;
import io.cncvision.cnc.MachineConnection;
import io.cncvision.cnc.RecordingSink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Ports, fast connections and waiting for servers, shared by the Modbus tests. */
final class ModbusTesting {

    private ModbusTesting() {
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code connection} polling every 20 ms, with a timeout that tolerates a busy machine, short backoff, and {@code extra} signals. */
    static MachineConnection fast(MachineConnection connection, Map<String, String> options, SignalMapping... extra) {
        Map<String, String> merged = new HashMap<>(connection.options());
        merged.put("poll-interval", "20");
        merged.put("timeout", "1000"); // generous: the machine building this may be busy
        merged.put("retries", "0");
        merged.putAll(options);
        List<SignalMapping> signals = new ArrayList<>(connection.signals());
        signals.addAll(List.of(extra));
        return new MachineConnection(connection.machine(), connection.name(), connection.protocol(),
                connection.endpoint(), merged, signals, Duration.ofMillis(50), Duration.ofMillis(200));
    }

    /** Waits until something accepts connections on {@code port} of this host. */
    static void awaitListening(int port) {
        RecordingSink.await(() -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return true;
            } catch (IOException e) {
                return false;
            }
        }, "a server on port " + port);
    }
}
