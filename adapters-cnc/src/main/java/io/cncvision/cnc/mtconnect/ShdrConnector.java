package io.cncvision.cnc.mtconnect;

import io.cncvision.cnc.AlarmLevel;
import io.cncvision.cnc.Backoff;
import io.cncvision.cnc.ConnectionState;
import io.cncvision.cnc.MachineConnection;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listens to an MTConnect adapter directly, as an agent does: connects over TCP to its SHDR port
 * ({@code shdr://host:port}), reads pipe-delimited lines ({@code timestamp|key|value|key|value...}), and
 * keeps the connection alive with {@code * PING}; an adapter that answers {@code * PONG <ms>} must then
 * be heard from within twice that, or the connection is taken as lost.
 *
 * <p>Mapping addresses are SHDR keys. A key mapped to ALARM is a condition and takes the condition's
 * fields ({@code key|level|nativeCode|nativeSeverity|qualifier|text}); so does a key named in the
 * {@code conditions} option (comma-separated), which keeps the keys after an unmapped condition on the
 * same line in step. Keys named in {@code messages} take {@code key|nativeCode|text}. Other keys take one
 * value. Assets ({@code @ASSET@}, with {@code --multiline--} blocks) are skipped. The adapter sends its
 * current values whenever it is connected to, which resynchronises after a reconnection.
 *
 * <p>Source ids are {@code shdr:<key>:<timestamp as sent>}, so values an adapter repeats on reconnection
 * record nothing new. Options: {@code heartbeatMillis} (ping interval until the adapter says otherwise,
 * default 10000), {@code legacyTimeoutMillis} (silence allowed from an adapter that does not answer
 * PING, default 600000), {@code connectTimeoutMillis} (default 5000), {@code maxLineBytes} (default 1 MB).
 */
public final class ShdrConnector extends FollowingConnector {

    private static final Logger log = LoggerFactory.getLogger(ShdrConnector.class);

    private final String host;
    private final int port;
    private final MappedSignals signals;
    private final Set<String> conditionKeys = new HashSet<>();
    private final Set<String> messageKeys = new HashSet<>();
    private final long initialHeartbeatMillis;
    private final long legacyTimeoutMillis;
    private final int connectTimeoutMillis;
    private final int maxLineBytes;
    private final AtomicLong lines = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private final AtomicLong assets = new AtomicLong();
    private volatile Socket socket;

    public ShdrConnector(MachineConnection connection) {
        this(connection, Clock.systemUTC());
    }

    public ShdrConnector(MachineConnection connection, Clock clock) {
        super(connection, clock);
        String endpoint = connection.endpoint().trim();
        URI uri = URI.create(endpoint.contains("://") ? endpoint : "shdr://" + endpoint);
        if (uri.getHost() == null || uri.getPort() < 0) {
            throw new IllegalArgumentException("machine " + connection.machine() + ": an SHDR endpoint is"
                    + " shdr://host:port, not '" + endpoint + "'");
        }
        this.host = uri.getHost();
        this.port = uri.getPort();
        this.signals = new MappedSignals(connection);
        conditionKeys.addAll(list(connection.option("conditions", "")));
        messageKeys.addAll(list(connection.option("messages", "")));
        this.initialHeartbeatMillis = ConnectionOptions.number(connection, "heartbeatMillis", 10_000, 1);
        this.legacyTimeoutMillis = ConnectionOptions.number(connection, "legacyTimeoutMillis", 600_000, 1);
        this.connectTimeoutMillis = ConnectionOptions.integer(connection, "connectTimeoutMillis", 5000, 1);
        this.maxLineBytes = ConnectionOptions.integer(connection, "maxLineBytes", 1024 * 1024, 1024);
    }

    private static List<String> list(String value) {
        return Arrays.stream(value.split(",")).map(String::trim).filter(key -> !key.isEmpty()).toList();
    }

    /** Lines read so far, asset blocks included. */
    public long linesReceived() {
        return lines.get();
    }

    /** Lines or values skipped as unreadable (too long, too few fields). */
    public long linesSkipped() {
        return skipped.get();
    }

    /** Assets heard and ignored. */
    public long assetsIgnored() {
        return assets.get();
    }

    @Override
    protected String source() {
        return "an SHDR adapter";
    }

    @Override
    protected void disconnect() {
        Socket current = socket;
        if (current != null) {
            try {
                current.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    @Override
    protected void run() {
        Backoff backoff = new Backoff(connection.initialBackoff(), connection.maximumBackoff());
        while (!closed) {
            try (Socket connected = new Socket()) {
                socket = connected;
                connected.connect(new InetSocketAddress(host, port), connectTimeoutMillis);
                follow(connected, backoff);
                throw new IOException("the adapter closed the connection");
            } catch (IOException | RuntimeException e) {
                if (closed) {
                    break;
                }
                lost("SHDR adapter " + host + ":" + port + ": " + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage()));
                try {
                    Thread.sleep(backoff.failed().toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    break;
                }
            } finally {
                socket = null;
            }
        }
        state = ConnectionState.CLOSED;
    }

    // Reads lines until the adapter closes the connection or falls silent.
    private void follow(Socket connected, Backoff backoff) throws IOException {
        connected("SHDR adapter " + host + ":" + port);
        backoff.succeeded();
        OutputStream out = connected.getOutputStream();
        LineReader reader = new LineReader(connected.getInputStream(), maxLineBytes);
        long heartbeat = initialHeartbeatMillis;
        long timeout = legacyTimeoutMillis;
        long lastHeard = System.nanoTime();
        long lastPing = 0;
        Multiline multiline = null;
        ping(out);
        lastPing = System.nanoTime();
        boolean batchOpen = false;
        while (!closed) {
            if (batchOpen && reader.drained()) {
                // what the adapter sent together has been read (a part count and its serial come in one go)
                batchOpen = false;
                sink.endOfBatch(machine());
            }
            connected.setSoTimeout((int) Math.max(1, Math.min(heartbeat, timeout)));
            String line;
            try {
                line = reader.readLine();
            } catch (SocketTimeoutException e) {
                long silentMillis = (System.nanoTime() - lastHeard) / 1_000_000;
                if (silentMillis >= timeout) {
                    throw new SocketTimeoutException("adapter silent for " + silentMillis + " ms (timeout " + timeout + " ms)");
                }
                line = null;
            }
            if (line == LineReader.TOO_LONG) {
                skipped.incrementAndGet();
                log.warn("machine {}: SHDR line longer than {} bytes skipped", machine(), maxLineBytes);
                continue;
            }
            if (line == null && reader.ended()) {
                return;
            }
            if ((System.nanoTime() - lastPing) / 1_000_000 >= heartbeat) {
                ping(out);
                lastPing = System.nanoTime();
            }
            if (line == null) {
                continue;
            }
            lastHeard = System.nanoTime();
            lines.incrementAndGet();
            if (multiline != null) {
                if (line.equals(multiline.terminator)) {
                    multiline = null;
                }
                continue;
            }
            if (line.startsWith("*")) {
                long pong = pong(line);
                if (pong > 0) {
                    heartbeat = pong;
                    timeout = 2 * pong;
                } else {
                    log.debug("machine {}: SHDR command '{}'", machine(), line);
                }
                continue;
            }
            multiline = line(line);
            batchOpen = true;
        }
    }

    private static void ping(OutputStream out) throws IOException {
        out.write("* PING\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    // The heartbeat of a "* PONG <ms>" answer, or 0.
    private static long pong(String line) {
        String command = line.substring(1).trim();
        if (!command.startsWith("PONG")) {
            return 0;
        }
        try {
            return Math.max(1, Long.parseLong(command.substring(4).trim()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private record Multiline(String terminator) {
    }

    /** One data line; returns the multiline block it opens, if it opens one. */
    Multiline line(String line) {
        List<String> fields = split(line);
        if (fields.size() < 3) {
            skipped.incrementAndGet();
            log.debug("machine {}: SHDR line with too few fields skipped: {}", machine(), abbreviate(line));
            return null;
        }
        String stamp = fields.get(0);
        Instant time = time(stamp);
        if (fields.get(1).startsWith("@")) {
            assets.incrementAndGet();
            String last = fields.get(fields.size() - 1);
            log.debug("machine {}: SHDR asset command {} ignored", machine(), fields.get(1));
            return last.startsWith("--multiline--") ? new Multiline(last) : null;
        }
        int i = 1;
        while (i < fields.size()) {
            String key = fields.get(i);
            String sourceId = "shdr:" + key + ":" + (stamp.isEmpty() ? time.toString() : stamp);
            if (signals.isCondition(key) || conditionKeys.contains(key)) {
                AlarmLevel level = level(field(fields, i + 1));
                signals.condition(key, level, field(fields, i + 2), emptyToNull(field(fields, i + 5)), time, sourceId)
                        .forEach(observation -> signals.deliver(sink, machine(), observation));
                i += 6;
            } else if (messageKeys.contains(key)) {
                i += 3;
            } else {
                if (i + 1 >= fields.size()) {
                    skipped.incrementAndGet();
                    break;
                }
                signals.value(key, fields.get(i + 1), time, sourceId)
                        .forEach(observation -> signals.deliver(sink, machine(), observation));
                i += 2;
            }
        }
        return null;
    }

    private static String field(List<String> fields, int index) {
        return index < fields.size() ? fields.get(index) : "";
    }

    private static String emptyToNull(String text) {
        return text.isEmpty() ? null : text;
    }

    private AlarmLevel level(String level) {
        return switch (level.trim().toUpperCase(Locale.ROOT)) {
            case "NORMAL" -> AlarmLevel.NORMAL;
            case "WARNING" -> AlarmLevel.WARNING;
            case "FAULT" -> AlarmLevel.FAULT;
            default -> null; // UNAVAILABLE says nothing about alarms
        };
    }

    // The line's time: ISO 8601 (an "@duration" suffix dropped); the time heard when it has none or another form.
    private Instant time(String stamp) {
        String iso = stamp.indexOf('@') >= 0 ? stamp.substring(0, stamp.indexOf('@')) : stamp;
        if (!iso.isEmpty()) {
            try {
                return MtConnectParser.parseTimestamp(iso);
            } catch (DateTimeException | NumberFormatException | IndexOutOfBoundsException e) {
                // relative or unknown form: fall through to the time heard
            }
        }
        return clock.instant();
    }

    private static List<String> split(String line) {
        List<String> fields = new ArrayList<>(8);
        int start = 0;
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == '|') {
                fields.add(line.substring(start, i));
                start = i + 1;
            }
        }
        fields.add(line.substring(start));
        return fields;
    }

    private static String abbreviate(String line) {
        return line.length() > 120 ? line.substring(0, 120) + "..." : line;
    }

    /**
     * Reads UTF-8 lines from a socket whose reads time out: unlike {@link java.io.BufferedReader}, a line
     * half read when a read times out is kept, not lost. A line longer than the limit is dropped whole.
     */
    static final class LineReader {

        /** Returned for a line dropped as too long. */
        static final String TOO_LONG = new String("too long");

        private final InputStream in;
        private final int maxLineBytes;
        private final byte[] buffer = new byte[64 * 1024];
        private int position;
        private int limit;
        private final ByteArrayOutputStream partial = new ByteArrayOutputStream(256);
        private boolean dropping;
        private boolean ended;

        LineReader(InputStream in, int maxLineBytes) {
            this.in = in;
            this.maxLineBytes = maxLineBytes;
        }

        boolean ended() {
            return ended;
        }

        /** True when every byte read so far has been returned as lines: what was sent together has been read. */
        boolean drained() {
            return position == limit && partial.size() == 0;
        }

        /** The next line without its terminator; null at the end of the stream. */
        String readLine() throws IOException {
            while (true) {
                if (position == limit) {
                    int n = in.read(buffer);
                    if (n < 0) {
                        ended = true;
                        return null; // a last line without its newline is incomplete: dropped
                    }
                    position = 0;
                    limit = n;
                }
                int start = position;
                while (position < limit && buffer[position] != '\n') {
                    position++;
                }
                if (!dropping) {
                    partial.write(buffer, start, position - start);
                    if (partial.size() > maxLineBytes) {
                        dropping = true;
                        partial.reset();
                    }
                }
                if (position < limit) {
                    position++; // the newline
                    if (dropping) {
                        dropping = false;
                        return TOO_LONG;
                    }
                    String line = partial.toString(StandardCharsets.UTF_8);
                    partial.reset();
                    return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
                }
            }
        }
    }
}
