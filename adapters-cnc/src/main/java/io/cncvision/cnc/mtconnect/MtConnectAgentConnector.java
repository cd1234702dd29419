package io.cncvision.cnc.mtconnect;

import io.cncvision.api.value.Protocol;
import io.cncvision.cnc.AlarmLevel;
import io.cncvision.cnc.Backoff;
import io.cncvision.cnc.ConnectionState;
import io.cncvision.cnc.MachineConnection;
import io.cncvision.cnc.Observation;
import io.cncvision.cnc.mtconnect.StreamsDocument.Category;
import io.cncvision.cnc.mtconnect.StreamsDocument.ConditionLevel;
import io.cncvision.cnc.mtconnect.StreamsDocument.Entry;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows one device of an MTConnect agent: {@code /probe} (its device model: the mapped data item ids are
 * checked against it), {@code /current} (its current values, reported: a resynchronisation), then
 * {@code /sample?from=<next>&interval=<ms>&count=<n>&heartbeat=<ms>}, streamed as multipart chunks, each
 * observation reported once, in sequence order.
 *
 * <p>Mapping addresses are data item ids (the {@code id} attribute in {@code /probe}). Conditions become
 * alarms keyed by their native code, or the mapping's key, or the data item id. Every observation's source
 * id is {@code mtconnect:<instanceId>:<sequence>}, its source time the observation's timestamp.
 *
 * <p>A sequence gap (the agent answers OUT_OF_RANGE, its buffer's first sequence has passed the next one
 * wanted, or its instance id changed because it restarted) is logged at WARN with the sequences missed,
 * counted ({@link #gaps()}), and resynchronised from {@code /current}: what happened meanwhile is not
 * invented. A malformed, truncated or oversized document is logged and refused whole, and the connector
 * starts over; a lost connection (refused, reset, cut mid-chunk, or silent beyond the read timeout) is
 * reported once, retried with exponential backoff, and reported restored once {@code /current} answers.
 *
 * <p>Options: {@code device} (the device's name, when the agent serves several), {@code interval} (ms
 * between chunks, default 500), {@code count} (observations per chunk at most, default 1000),
 * {@code heartbeat} (ms, default 10000), {@code readTimeoutMillis} (default twice the heartbeat plus the
 * interval), {@code connectTimeoutMillis} (default 5000), {@code maxDocumentBytes} (default 16 MB).
 */
public final class MtConnectAgentConnector extends FollowingConnector {

    private static final Logger log = LoggerFactory.getLogger(MtConnectAgentConnector.class);

    private final String base;
    private final int intervalMillis;
    private final int count;
    private final int heartbeatMillis;
    private final int readTimeoutMillis;
    private final int connectTimeoutMillis;
    private final MtConnectParser parser;
    private final MappedSignals signals;
    private final AtomicLong gaps = new AtomicLong();
    private final AtomicLong refusedDocuments = new AtomicLong();
    private final AtomicLong attempts = new AtomicLong();
    private volatile HttpURLConnection open;
    private List<String> missingLogged = List.of();
    // Where the agent stands, as last heard: its instance and the next sequence wanted.
    private volatile String instanceId;
    private volatile long next = -1;
    private long agentBufferSize;

    public MtConnectAgentConnector(MachineConnection connection) {
        this(connection, Clock.systemUTC());
    }

    public MtConnectAgentConnector(MachineConnection connection, Clock clock) {
        super(mtConnect(connection), clock);
        String endpoint = connection.endpoint().replaceAll("/+$", "");
        if (!endpoint.startsWith("http://") && !endpoint.startsWith("https://")) {
            throw new IllegalArgumentException("machine " + connection.machine() + ": an MTConnect agent endpoint is an"
                    + " http:// URL, not '" + connection.endpoint() + "'");
        }
        String device = connection.option("device", null);
        this.base = device == null || device.isBlank() ? endpoint : endpoint + "/" + device;
        this.intervalMillis = ConnectionOptions.integer(connection, "interval", 500, 0);
        this.count = ConnectionOptions.integer(connection, "count", 1000, 1);
        this.heartbeatMillis = ConnectionOptions.integer(connection, "heartbeat", 10_000, 1);
        this.readTimeoutMillis = ConnectionOptions.integer(connection, "readTimeoutMillis", 2 * heartbeatMillis + intervalMillis, 1);
        this.connectTimeoutMillis = ConnectionOptions.integer(connection, "connectTimeoutMillis", 5000, 1);
        this.parser = new MtConnectParser(ConnectionOptions.number(connection, "maxDocumentBytes",
                MtConnectParser.DEFAULT_MAX_DOCUMENT_BYTES, 1024));
        this.signals = new MappedSignals(connection);
    }

    /** Sequence gaps met so far, each resynchronised from {@code /current}. */
    public long gaps() {
        return gaps.get();
    }

    /** Documents refused (malformed, truncated, too large): nothing of them was reported. */
    public long refusedDocuments() {
        return refusedDocuments.get();
    }

    /** The next sequence wanted from the agent; -1 before the first {@code /current}. */
    public long nextSequence() {
        return next;
    }

    /** Connection attempts so far ({@code /probe} requests). */
    public long attempts() {
        return attempts.get();
    }

    @Override
    protected String source() {
        return "the agent";
    }

    @Override
    protected void disconnect() {
        HttpURLConnection current = open;
        if (current != null) {
            current.disconnect();
        }
    }

    private static MachineConnection mtConnect(MachineConnection connection) {
        if (connection.protocol() != Protocol.MTCONNECT) {
            throw new IllegalArgumentException("machine " + connection.machine() + " is not an MTConnect machine");
        }
        return connection;
    }

    // ---- the connection loop

    @Override
    protected void run() {
        Backoff backoff = new Backoff(connection.initialBackoff(), connection.maximumBackoff());
        while (!closed) {
            try {
                follow(backoff);
                // The agent ended the stream (it is shutting down or restarting): reconnect, after a pause.
                pause(connection.initialBackoff());
            } catch (MtConnectDocumentException e) {
                if (closed) {
                    break;
                }
                refusedDocuments.incrementAndGet();
                state = ConnectionState.RECONNECTING;
                log.error("machine {}: MTConnect agent {} sent a document refused whole, nothing of it recorded: {};"
                        + " starting over from /probe", machine(), base, e.getMessage());
                pause(backoff.failed());
            } catch (IOException | RuntimeException e) {
                if (closed) {
                    break;
                }
                lost("MTConnect agent " + base + ": " + describe(e));
                pause(backoff.failed());
            }
        }
        state = ConnectionState.CLOSED;
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private void pause(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }

    // Probe, resynchronise, then stream samples until the stream ends or fails.
    private void follow(Backoff backoff) throws IOException {
        attempts.incrementAndGet();
        MtConnectDocument probe = get(base + "/probe");
        if (!(probe instanceof DeviceModel model)) {
            throw new IOException("/probe answered " + probe);
        }
        checkMappings(model);
        resynchronise(null);
        backoff.succeeded();
        while (!closed) {
            if (!stream()) {
                return;
            }
        }
    }

    private void checkMappings(DeviceModel model) {
        Map<String, DeviceModel.DataItem> items = model.dataItems();
        List<String> missing = signals.addresses().stream().filter(address -> !items.containsKey(address)).toList();
        if (!missing.isEmpty() && !missing.equals(missingLogged)) {
            missingLogged = missing;
            log.warn("machine {}: mapped data item ids {} are not in the device model of {}: they will never be heard;"
                    + " the agent has {}", machine(), missing, base, items.keySet());
        }
    }

    /**
     * Reports the agent's current values and starts following from its next sequence. {@code gap} says why,
     * when it was a gap: it is logged with the sequences missed.
     */
    private void resynchronise(String gap) throws IOException {
        MtConnectDocument document = get(base + "/current");
        if (!(document instanceof StreamsDocument current)) {
            throw new IOException("/current answered " + document);
        }
        StreamsDocument.Header header = current.header();
        if (instanceId != null && !instanceId.equals(header.instanceId())) {
            gaps.incrementAndGet();
            log.warn("machine {}: MTConnect agent {} restarted (instance {} -> {}): observations from sequence {} of"
                            + " instance {} on were missed; resynchronised from /current at sequence {}", machine(), base,
                    instanceId, header.instanceId(), next, instanceId, header.nextSequence());
            sink.dataGap(machine(), "MTConnect agent " + base + " restarted (instance " + instanceId + " -> "
                    + header.instanceId() + "): observations from sequence " + next + " of instance " + instanceId
                    + " on were missed", clock.instant(), "mtconnect:" + instanceId + ":restart:" + next);
        } else if (gap != null) {
            gaps.incrementAndGet();
            long lastMissed = Math.max(next, header.firstSequence() - 1);
            log.warn("machine {}: MTConnect sequence gap at {} ({}): observations {} to {} missed; resynchronised from"
                            + " /current at sequence {}", machine(), base, gap, next, lastMissed, header.nextSequence());
            sink.dataGap(machine(), "MTConnect sequence gap at " + base + " (" + gap + "): observations " + next + " to "
                    + lastMissed + " missed", clock.instant(), "mtconnect:" + instanceId + ":gap:" + next);
        }
        instanceId = header.instanceId();
        next = header.nextSequence();
        agentBufferSize = header.bufferSize();
        if (state != ConnectionState.CONNECTED) {
            connected("MTConnect agent " + base);
        }
        reconcileConditions(current);
        report(current.entries(), Long.MIN_VALUE);
    }

    // The conditions /current shows active are all that are: others held active cleared meanwhile.
    private void reconcileConditions(StreamsDocument current) {
        Map<String, Set<String>> active = new HashMap<>();
        Map<String, Entry> latest = new HashMap<>();
        for (Entry entry : current.entries()) {
            if (entry.category() == Category.CONDITION && signals.isCondition(entry.dataItemId())) {
                Set<String> keys = active.computeIfAbsent(entry.dataItemId(), id -> new HashSet<>());
                if (entry.level() == ConditionLevel.WARNING || entry.level() == ConditionLevel.FAULT) {
                    keys.add(signals.conditionKey(entry.dataItemId(), entry.nativeCode()));
                }
                latest.put(entry.dataItemId(), entry);
            }
        }
        active.forEach((address, keys) -> {
            Entry entry = latest.get(address);
            signals.clearAllBut(address, keys, entry.timestamp(), sourceId(entry)).forEach(this::observed);
        });
    }

    // One /sample stream; true when it must be resynchronised and followed again, false when it ended.
    private boolean stream() throws IOException {
        // An agent refuses a count beyond its buffer (OUT_OF_RANGE): ask for no more than it holds.
        long asked = agentBufferSize > 0 ? Math.min(count, agentBufferSize) : count;
        String url = base + "/sample?from=" + next + "&count=" + asked + "&interval=" + intervalMillis
                + "&heartbeat=" + heartbeatMillis;
        HttpURLConnection http = open(url);
        try {
            if (http.getResponseCode() != 200) {
                MtConnectDocument refusal = errorDocument(http);
                if (refusal instanceof ErrorDocument error && error.has("OUT_OF_RANGE")) {
                    http.disconnect();
                    resynchronise("agent answered OUT_OF_RANGE: " + error);
                    return true;
                }
                throw new IOException("HTTP " + http.getResponseCode() + " from " + url
                        + (refusal instanceof ErrorDocument error ? ": " + error : ""));
            }
            String boundary = MultipartReader.boundary(http.getContentType());
            InputStream body = new BufferedInputStream(http.getInputStream(), 64 * 1024);
            if (boundary == null) {
                // An agent that ignores interval answers one document: poll.
                String gap = sample(parser.parse(body));
                if (gap != null) {
                    resynchronise(gap);
                }
                pause(Duration.ofMillis(intervalMillis));
                return true;
            }
            MultipartReader parts = new MultipartReader(body, boundary, parser.maxDocumentBytes());
            while (!closed) {
                byte[] part = parts.next();
                if (part == null) {
                    return false;
                }
                String gap = sample(parser.parse(part));
                if (gap != null) {
                    http.disconnect();
                    resynchronise(gap);
                    return true;
                }
            }
            return false;
        } finally {
            http.disconnect();
            open = null;
        }
    }

    // Reports a sample chunk's observations; returns why there is a gap, or null.
    private String sample(MtConnectDocument document) throws IOException {
        if (document instanceof ErrorDocument error) {
            if (error.has("OUT_OF_RANGE")) {
                return "agent answered OUT_OF_RANGE: " + error;
            }
            throw new IOException("/sample answered " + error);
        }
        if (!(document instanceof StreamsDocument streams)) {
            throw new IOException("/sample answered a device model, not observations");
        }
        StreamsDocument.Header header = streams.header();
        if (!header.instanceId().equals(instanceId)) {
            return "agent instance changed";
        }
        if (header.firstSequence() > next) {
            return "buffer overrun: the agent's first sequence is " + header.firstSequence();
        }
        report(streams.entries(), next);
        next = Math.max(next, header.nextSequence());
        return null;
    }

    // Reports in sequence order: a document groups observations by component, not by when they happened.
    private void report(List<Entry> entries, long from) {
        List<Entry> ordered = new java.util.ArrayList<>(entries);
        ordered.sort(java.util.Comparator.comparingLong(Entry::sequence));
        for (Entry entry : ordered) {
            if (entry.sequence() < from || !signals.isMapped(entry.dataItemId())) {
                continue;
            }
            List<Observation> observations;
            if (entry.category() == Category.CONDITION) {
                observations = signals.condition(entry.dataItemId(), level(entry.level()), entry.nativeCode(),
                        entry.value(), entry.timestamp(), sourceId(entry));
            } else {
                observations = signals.value(entry.dataItemId(), entry.value(), entry.timestamp(), sourceId(entry));
            }
            observations.forEach(this::observed);
        }
        // a document's observations belong together: a part count and its serial are named in one
        sink.endOfBatch(machine());
    }

    private void observed(Observation observation) {
        signals.deliver(sink, machine(), observation);
    }

    private String sourceId(Entry entry) {
        return "mtconnect:" + instanceId + ":" + entry.sequence();
    }

    private static AlarmLevel level(ConditionLevel level) {
        return switch (level) {
            case NORMAL -> AlarmLevel.NORMAL;
            case WARNING -> AlarmLevel.WARNING;
            case FAULT -> AlarmLevel.FAULT;
            case UNAVAILABLE -> null;
        };
    }

    // ---- HTTP

    private MtConnectDocument get(String url) throws IOException {
        HttpURLConnection http = open(url);
        try {
            if (http.getResponseCode() != 200) {
                throw new IOException("HTTP " + http.getResponseCode() + " from " + url + refusal(http));
            }
            try (InputStream body = http.getInputStream()) {
                return parser.parse(body);
            }
        } finally {
            http.disconnect();
            open = null;
        }
    }

    // What an agent that refused a request said: its MTConnectError (cppagent answers OUT_OF_RANGE with 400).
    private MtConnectDocument errorDocument(HttpURLConnection http) {
        InputStream error = http.getErrorStream();
        if (error == null) {
            return null;
        }
        try (error) {
            return parser.parse(error);
        } catch (IOException e) {
            return null;
        }
    }

    private String refusal(HttpURLConnection http) {
        MtConnectDocument document = errorDocument(http);
        return document instanceof ErrorDocument error ? ": " + error : "";
    }

    // Opens a GET; HttpURLConnection rather than HttpClient because its read timeout bounds every read of a
    // streamed body, which is what tells an agent that went silent from one that is slow.
    private HttpURLConnection open(String url) throws IOException {
        if (closed) {
            throw new EOFException("connector closed");
        }
        HttpURLConnection http = (HttpURLConnection) URI.create(url).toURL().openConnection();
        open = http;
        http.setConnectTimeout(connectTimeoutMillis);
        http.setReadTimeout(readTimeoutMillis);
        http.setUseCaches(false);
        http.setRequestProperty("Accept", "text/xml, application/xml");
        http.getResponseCode();
        if (http.getContentLengthLong() > parser.maxDocumentBytes()) {
            http.disconnect();
            throw new DocumentTooLargeException(parser.maxDocumentBytes());
        }
        return http;
    }
}
