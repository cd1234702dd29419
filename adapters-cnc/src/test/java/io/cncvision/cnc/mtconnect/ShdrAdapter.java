package io.cncvision.cnc.mtconnect;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny SHDR adapter for tests: serves one connection at a time, sends it {@code lines}, and answers
 * {@code * PING} with {@code * PONG <heartbeat>} (or stays silent when {@code heartbeatMillis} is 0).
 */
final class ShdrAdapter implements AutoCloseable {

    private final ServerSocket server;
    private final byte[] lines;
    private final long heartbeatMillis;
    private final AtomicInteger pings = new AtomicInteger();
    private final AtomicInteger connections = new AtomicInteger();
    private volatile Socket current;

    ShdrAdapter(byte[] lines, long heartbeatMillis) throws IOException {
        this.server = new ServerSocket(0);
        this.lines = lines;
        this.heartbeatMillis = heartbeatMillis;
        Thread acceptor = new Thread(this::serve, "shdr-adapter");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String endpoint() {
        return "shdr://localhost:" + server.getLocalPort();
    }

    int pings() {
        return pings.get();
    }

    int connections() {
        return connections.get();
    }

    /** Drops the connection open now, as an adapter that restarts. */
    void drop() throws IOException {
        Socket socket = current;
        if (socket != null) {
            socket.close();
        }
    }

    private void serve() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                current = socket;
                connections.incrementAndGet();
                OutputStream out = socket.getOutputStream();
                Thread answering = new Thread(() -> answer(socket, out), "shdr-adapter-pong");
                answering.setDaemon(true);
                answering.start();
                synchronized (out) {
                    // in pieces, so that lines arrive split across reads as on a real network
                    for (int offset = 0; offset < lines.length; offset += 8192) {
                        out.write(lines, offset, Math.min(8192, lines.length - offset));
                    }
                    out.flush();
                }
            } catch (IOException e) {
                // closed
            }
        }
    }

    private void answer(Socket socket, OutputStream out) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("* PING")) {
                    pings.incrementAndGet();
                    if (heartbeatMillis > 0) {
                        synchronized (out) {
                            out.write(("* PONG " + heartbeatMillis + "\n").getBytes(StandardCharsets.US_ASCII));
                            out.flush();
                        }
                    }
                }
            }
        } catch (IOException e) {
            // closed
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        drop();
    }
}
