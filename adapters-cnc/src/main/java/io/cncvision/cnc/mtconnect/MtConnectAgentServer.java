package io.cncvision.cnc.mtconnect;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.cncvision.api.value.MachineId;
import io.cncvision.api.value.Protocol;
import io.cncvision.cnc.MachineConnection;
import io.cncvision.cnc.MachineConnection.SignalMapping;
import io.cncvision.cnc.MachineSignal;
import io.cncvision.cnc.mtconnect.AgentBuffer.Item;
import io.cncvision.cnc.mtconnect.AgentBuffer.Stored;
import io.cncvision.cnc.simulator.LatheState;
import io.cncvision.cnc.simulator.SimulatedLathe;
import io.cncvision.cnc.simulator.SimulatorServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulated lathe's MTConnect agent: {@code /probe}, {@code /current} and {@code /sample?from&count&interval&heartbeat}
 * (streamed as {@code multipart/x-mixed-replace} chunks when {@code interval} is given), from a ring
 * buffer of observations numbered by sequence; a request outside the buffer gets an {@code OUT_OF_RANGE}
 * MTConnectError, as cppagent answers. Documents are MTConnect 1.3 and validate against
 * {@code MTConnect{Devices,Streams,Error}_1.3_1.0.xsd} (the XSD 1.0 edition, which the JDK validates).
 * Also served under the device's name ({@code /lathe/probe}, ...).
 */
public final class MtConnectAgentServer implements SimulatorServer {

    private static final Logger log = LoggerFactory.getLogger(MtConnectAgentServer.class);

    public static final String DEVICE = "lathe";
    public static final String DEVICE_UUID = "cncvision-simulated-lathe";
    public static final int DEFAULT_BUFFER_SIZE = 4096;
    static final String VERSION = "1.3.0";
    static final String SENDER = "cncvision-simulator";
    private static final int DEFAULT_HEARTBEAT_MILLIS = 10_000;

    // The lathe's data items, in device model order.
    static final Item AVAILABILITY = item("avail", "EVENT", "AVAILABILITY", null, null, "Device", "lathe", "Availability");
    static final Item X_POSITION = item("Xpos", "SAMPLE", "POSITION", "ACTUAL", "MILLIMETER", "Linear", "x", "Position");
    static final Item Z_POSITION = item("Zpos", "SAMPLE", "POSITION", "ACTUAL", "MILLIMETER", "Linear", "z", "Position");
    static final Item SPINDLE_SPEED = item("Sspeed", "SAMPLE", "ROTARY_VELOCITY", "ACTUAL", "REVOLUTION/MINUTE", "Rotary", "c", "RotaryVelocity");
    static final Item SPINDLE_LOAD = item("Sload", "SAMPLE", "LOAD", null, "PERCENT", "Rotary", "c", "Load");
    static final Item SYSTEM = item("system", "CONDITION", "SYSTEM", null, null, "Controller", "controller", null);
    static final Item EXECUTION = item("execution", "EVENT", "EXECUTION", null, null, "Path", "path", "Execution");
    static final Item PROGRAM = item("program", "EVENT", "PROGRAM", null, null, "Path", "path", "Program");
    static final Item PART_ID = item("partid", "EVENT", "PART_ID", null, null, "Path", "path", "PartId");
    static final Item PART_COUNT = item("partcount", "EVENT", "PART_COUNT", null, null, "Path", "path", "PartCount");
    static final Item TOOL = item("tool", "EVENT", "TOOL_NUMBER", null, null, "Path", "path", "ToolNumber");
    static final Item FEED_OVERRIDE = item("Fovr", "SAMPLE", "PATH_FEEDRATE", "OVERRIDE", "PERCENT", "Path", "path", "PathFeedrate");
    static final List<Item> ITEMS = List.of(AVAILABILITY, X_POSITION, Z_POSITION, SPINDLE_SPEED, SPINDLE_LOAD, SYSTEM,
            EXECUTION, PROGRAM, PART_ID, PART_COUNT, TOOL, FEED_OVERRIDE);

    private static Item item(String id, String category, String type, String subType, String units, String component,
                             String componentId, String element) {
        return new Item(id, id, category, type, subType, units, component, componentId, element);
    }

    // Instance ids from the start time, as cppagent's, but never one twice in this JVM: a client tells a
    // restarted agent by its new instance id.
    private static final java.util.concurrent.atomic.AtomicLong INSTANCES = new java.util.concurrent.atomic.AtomicLong();

    private final Object lock = new Object();
    private final AgentBuffer buffer;
    private final Map<String, String> values = new HashMap<>();
    private final Map<String, LatheState.Alarm> alarms = new LinkedHashMap<>();
    private final AtomicInteger boundaries = new AtomicInteger();
    private HttpServer http;
    private ExecutorService executor;
    private SimulatedLathe lathe;
    private long instanceId;
    private int port;
    private volatile boolean closed;

    public MtConnectAgentServer() {
        this(DEFAULT_BUFFER_SIZE);
    }

    /** An agent keeping the last {@code bufferSize} observations. */
    public MtConnectAgentServer(int bufferSize) {
        this.buffer = new AgentBuffer(bufferSize);
    }

    /**
     * A ready-made connection to this simulator's agent at {@code endpoint} (e.g. {@code http://localhost:5000}):
     * execution, program, part serial and count, spindle speed and load, feed override, active tool, the X and Z
     * positions, and the lathe's alarms (its {@code system} condition, keyed by native code).
     */
    public static MachineConnection connection(MachineId machine, String endpoint) {
        return new MachineConnection(machine, "Simulated lathe (MTConnect)", Protocol.MTCONNECT, endpoint,
                Map.of("source", "agent", "interval", "100", "heartbeat", "1000"),
                List.of(mapping(MachineSignal.EXECUTION, null, EXECUTION),
                        mapping(MachineSignal.PROGRAM, null, PROGRAM),
                        mapping(MachineSignal.PART_ID, null, PART_ID),
                        mapping(MachineSignal.PART_COUNT, null, PART_COUNT),
                        mapping(MachineSignal.SPINDLE_SPEED, null, SPINDLE_SPEED),
                        mapping(MachineSignal.SPINDLE_LOAD, null, SPINDLE_LOAD),
                        mapping(MachineSignal.FEED_OVERRIDE, null, FEED_OVERRIDE),
                        mapping(MachineSignal.ACTIVE_TOOL, null, TOOL),
                        mapping(MachineSignal.AXIS_POSITION, "X", X_POSITION),
                        mapping(MachineSignal.AXIS_POSITION, "Z", Z_POSITION),
                        mapping(MachineSignal.ALARM, null, SYSTEM)),
                null, null);
    }

    /** {@link #connection(MachineId, String)} to this server, once started. */
    public MachineConnection connection(MachineId machine) {
        return connection(machine, endpoint());
    }

    private static SignalMapping mapping(MachineSignal signal, String key, Item item) {
        return new SignalMapping(signal, key, item.id(), false, Map.of());
    }

    @Override
    public void start(SimulatedLathe lathe, int port) throws IOException {
        this.lathe = Objects.requireNonNull(lathe, "lathe");
        synchronized (lock) {
            instanceId = INSTANCES.updateAndGet(last -> Math.max(last + 1, Instant.now().getEpochSecond()));
            record(lathe.state(), true);
        }
        lathe.onChange(state -> {
            if (!closed) {
                synchronized (lock) {
                    record(state, false);
                    lock.notifyAll();
                }
            }
        });
        http = HttpServer.create(new InetSocketAddress(port), 16);
        executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "mtconnect-agent");
            thread.setDaemon(true);
            return thread;
        });
        http.setExecutor(executor);
        http.createContext("/", this::handle);
        http.start();
        this.port = http.getAddress().getPort();
        log.info("MTConnect agent for the simulated lathe at {}", endpoint());
    }

    @Override
    public String endpoint() {
        return "http://localhost:" + port;
    }

    public int port() {
        return port;
    }

    public long instanceId() {
        synchronized (lock) {
            return instanceId;
        }
    }

    public long nextSequence() {
        synchronized (lock) {
            return buffer.nextSequence();
        }
    }

    /**
     * Acts as a restarted agent: a new instance id, an empty buffer numbered from 1 again, the lathe's
     * current values buffered anew, and the streams open now ended.
     */
    public void restart() {
        synchronized (lock) {
            instanceId = INSTANCES.updateAndGet(last -> Math.max(last + 1, Instant.now().getEpochSecond()));
            buffer.clear();
            values.clear();
            alarms.clear();
            record(lathe.state(), true);
            lock.notifyAll();
        }
    }

    /** Acts as a buffer overrun: forgets all buffered observations and numbers the next {@code count} further on. */
    public void overrun(long count) {
        synchronized (lock) {
            buffer.skip(count);
            lock.notifyAll();
        }
    }

    @Override
    public void close() {
        closed = true;
        synchronized (lock) {
            lock.notifyAll();
        }
        if (http != null) {
            http.stop(0);
        }
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    // Buffers what changed in the lathe's state (everything when `all`).
    private void record(LatheState state, boolean all) {
        Instant at = state.time().truncatedTo(ChronoUnit.MICROS);
        if (all) {
            change(AVAILABILITY, at, "AVAILABLE");
        }
        change(X_POSITION, at, decimal(state.xPosition()));
        change(Z_POSITION, at, decimal(state.zPosition()));
        change(SPINDLE_SPEED, at, decimal(state.spindleSpeed()));
        change(SPINDLE_LOAD, at, decimal(state.spindleLoad()));
        change(EXECUTION, at, state.execution());
        change(PROGRAM, at, state.program());
        // the serial before the count: a client reading up to the count has heard which part it counted
        change(PART_ID, at, state.partSerial() == null ? "UNAVAILABLE" : state.partSerial());
        change(PART_COUNT, at, Long.toString(state.partCount()));
        change(TOOL, at, Integer.toString(state.activeTool()));
        change(FEED_OVERRIDE, at, decimal(state.feedOverride()));
        if (all) {
            buffer.addCondition(SYSTEM, at, "Normal", null, null);
        }
        for (var alarm : state.alarms().entrySet()) {
            if (!alarm.getValue().equals(alarms.get(alarm.getKey()))) {
                buffer.addCondition(SYSTEM, at, alarm.getValue().level().equals("FAULT") ? "Fault" : "Warning",
                        alarm.getKey(), alarm.getValue().text());
            }
        }
        List<String> cleared = alarms.keySet().stream().filter(code -> !state.alarms().containsKey(code)).toList();
        if (!cleared.isEmpty() && state.alarms().isEmpty()) {
            buffer.addCondition(SYSTEM, at, "Normal", null, null); // one Normal without a code clears them all
        } else {
            cleared.forEach(code -> buffer.addCondition(SYSTEM, at, "Normal", code, null));
        }
        alarms.clear();
        alarms.putAll(state.alarms());
    }

    private void change(Item item, Instant at, String value) {
        if (!value.equals(values.put(item.id(), value))) {
            buffer.add(item, at, value);
        }
    }

    private static String decimal(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : String.format(java.util.Locale.ROOT, "%.3f", value);
    }

    // ---- HTTP

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            URI uri = exchange.getRequestURI();
            String path = uri.getPath();
            if (path.startsWith("/" + DEVICE + "/")) {
                path = path.substring(DEVICE.length() + 1);
            }
            Map<String, String> query = query(uri.getRawQuery());
            if (!exchange.getRequestMethod().equals("GET")) {
                send(exchange, 400, error("INVALID_REQUEST", "only GET is served"));
                return;
            }
            switch (path) {
                case "/probe", "/" + DEVICE, "/" -> send(exchange, 200, probe());
                case "/current" -> send(exchange, 200, current());
                case "/sample" -> sample(exchange, query);
                default -> send(exchange, 404, error("UNSUPPORTED", "no such request: " + path
                        + " (/probe, /current and /sample are served)"));
            }
        } catch (IOException e) {
            log.debug("MTConnect agent: client went away: {}", e.getMessage());
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new HashMap<>();
        if (raw == null) {
            return query;
        }
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                query.put(pair.substring(0, equals), java.net.URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return query;
    }

    private static void send(HttpExchange exchange, int status, String document) throws IOException {
        byte[] body = document.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/xml;charset=UTF-8");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    private void sample(HttpExchange exchange, Map<String, String> query) throws IOException {
        long from;
        int count;
        Integer interval;
        int heartbeat;
        try {
            count = query.containsKey("count") ? Integer.parseInt(query.get("count")) : 100;
            interval = query.containsKey("interval") ? Integer.valueOf(query.get("interval")) : null;
            heartbeat = query.containsKey("heartbeat") ? Integer.parseInt(query.get("heartbeat")) : DEFAULT_HEARTBEAT_MILLIS;
            synchronized (lock) {
                from = query.containsKey("from") ? Long.parseLong(query.get("from")) : buffer.firstSequence();
            }
        } catch (NumberFormatException e) {
            send(exchange, 400, error("INVALID_REQUEST", "from, count, interval and heartbeat must be whole numbers"));
            return;
        }
        String refused = null;
        synchronized (lock) {
            if (count < 1 || count > buffer.capacity()) {
                refused = "'count' must be between 1 and " + buffer.capacity();
            } else if (from < buffer.firstSequence() || from > buffer.nextSequence()) {
                refused = "'from' must be between " + buffer.firstSequence() + " and " + buffer.nextSequence();
            } else if (interval != null && interval < 0 || heartbeat < 1) {
                refused = "'interval' must not be negative and 'heartbeat' must be positive";
            }
        }
        if (refused != null) {
            send(exchange, 400, error("OUT_OF_RANGE", refused));
            return;
        }
        if (interval == null) {
            send(exchange, 200, samples(from, count).document);
            return;
        }
        stream(exchange, from, count, interval, heartbeat);
    }

    // Streams sample chunks every `interval` ms while there is news, an empty one each heartbeat otherwise.
    private void stream(HttpExchange exchange, long from, int count, int intervalMillis, int heartbeatMillis) throws IOException {
        String boundary = "cncvision" + Long.toHexString(System.nanoTime()) + boundaries.incrementAndGet();
        exchange.getResponseHeaders().set("Content-Type", "multipart/x-mixed-replace;boundary=" + boundary);
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        long instance = instanceId();
        long next = from;
        while (!closed) {
            String part;
            boolean end = false;
            synchronized (lock) {
                long heartbeatDue = System.currentTimeMillis() + heartbeatMillis;
                while (!closed && instanceId == instance && buffer.nextSequence() <= next && next >= buffer.firstSequence()
                        && System.currentTimeMillis() < heartbeatDue) {
                    waitOn(heartbeatDue - System.currentTimeMillis());
                }
                if (closed || instanceId != instance) {
                    return; // a restarted agent's streams end with it
                }
                if (next < buffer.firstSequence()) {
                    part = error("OUT_OF_RANGE", "Client can't keep up with event stream: 'from' " + next
                            + " is before the first sequence buffered, " + buffer.firstSequence());
                    end = true;
                } else {
                    Chunk chunk = samples(next, count);
                    part = chunk.document;
                    next = chunk.next;
                }
            }
            byte[] body = part.getBytes(StandardCharsets.UTF_8);
            out.write(("--" + boundary + "\r\nContent-type: text/xml\r\nContent-length: " + body.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            if (end) {
                return;
            }
            sleep(intervalMillis);
        }
    }

    private void waitOn(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            lock.wait(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }

    private static void sleep(int millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- documents (MTConnect 1.3)

    private record Chunk(String document, long next) {
    }

    private Chunk samples(long from, int count) {
        synchronized (lock) {
            List<Stored> found = buffer.from(from, count);
            long next = found.isEmpty() ? Math.max(from, buffer.firstSequence()) : found.get(found.size() - 1).sequence() + 1;
            return new Chunk(streams(found, next), next);
        }
    }

    String probe() {
        StringBuilder xml = new StringBuilder(4096);
        synchronized (lock) {
            xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<MTConnectDevices xmlns=\"urn:mtconnect.org:MTConnectDevices:1.3\"")
                    .append(" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"urn:mtconnect.org:MTConnectDevices:1.3")
                    .append(" http://schemas.mtconnect.org/schemas/MTConnectDevices_1.3.xsd\">\n");
            header(xml).append(" assetBufferSize=\"1\" assetCount=\"0\"/>\n"); // no assets kept; the schema wants a positive size
        }
        xml.append("  <Devices>\n    <Device id=\"lathe\" name=\"").append(DEVICE).append("\" uuid=\"").append(DEVICE_UUID).append("\">\n")
                .append("      <Description manufacturer=\"cncvision\" model=\"simulated lathe\">A lathe turning rings</Description>\n")
                .append("      <DataItems>\n");
        dataItem(xml, AVAILABILITY, "        ");
        xml.append("      </DataItems>\n      <Components>\n")
                .append("        <Axes id=\"axes\" name=\"base\">\n          <Components>\n");
        component(xml, "Linear", "x", "X", List.of(X_POSITION));
        component(xml, "Linear", "z", "Z", List.of(Z_POSITION));
        component(xml, "Rotary", "c", "C", List.of(SPINDLE_SPEED, SPINDLE_LOAD));
        xml.append("          </Components>\n        </Axes>\n")
                .append("        <Controller id=\"controller\" name=\"controller\">\n          <DataItems>\n");
        dataItem(xml, SYSTEM, "            ");
        xml.append("          </DataItems>\n          <Components>\n");
        component(xml, "Path", "path", "path", List.of(EXECUTION, PROGRAM, PART_ID, PART_COUNT, TOOL, FEED_OVERRIDE));
        xml.append("          </Components>\n        </Controller>\n      </Components>\n    </Device>\n  </Devices>\n</MTConnectDevices>\n");
        return xml.toString();
    }

    private static void component(StringBuilder xml, String type, String id, String name, List<Item> items) {
        xml.append("            <").append(type).append(" id=\"").append(id).append("\" name=\"").append(name).append("\">\n")
                .append("              <DataItems>\n");
        items.forEach(item -> dataItem(xml, item, "                "));
        xml.append("              </DataItems>\n            </").append(type).append(">\n");
    }

    private static void dataItem(StringBuilder xml, Item item, String indent) {
        xml.append(indent).append("<DataItem id=\"").append(item.id()).append("\" name=\"").append(item.name())
                .append("\" category=\"").append(item.category()).append("\" type=\"").append(item.type()).append('"');
        if (item.subType() != null) {
            xml.append(" subType=\"").append(item.subType()).append('"');
        }
        if (item.units() != null) {
            xml.append(" units=\"").append(item.units()).append('"');
        }
        xml.append("/>\n");
    }

    String current() {
        synchronized (lock) {
            return streams(buffer.current(), buffer.nextSequence());
        }
    }

    // A Streams document of `observations`, grouped by component as the standard requires.
    private String streams(List<Stored> observations, long next) {
        StringBuilder xml = new StringBuilder(512 + observations.size() * 128);
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<MTConnectStreams xmlns=\"urn:mtconnect.org:MTConnectStreams:1.3\"")
                .append(" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"urn:mtconnect.org:MTConnectStreams:1.3")
                .append(" http://schemas.mtconnect.org/schemas/MTConnectStreams_1.3.xsd\">\n");
        header(xml).append(" nextSequence=\"").append(next).append("\" firstSequence=\"").append(buffer.firstSequence())
                .append("\" lastSequence=\"").append(buffer.lastSequence()).append("\"/>\n");
        xml.append("  <Streams>\n    <DeviceStream name=\"").append(DEVICE).append("\" uuid=\"").append(DEVICE_UUID).append("\">\n");
        Map<String, List<Stored>> byComponent = new LinkedHashMap<>();
        for (Stored stored : observations) {
            byComponent.computeIfAbsent(stored.item().componentId(), id -> new ArrayList<>()).add(stored);
        }
        for (List<Stored> component : byComponent.values()) {
            Item first = component.get(0).item();
            xml.append("      <ComponentStream component=\"").append(first.component()).append("\" componentId=\"")
                    .append(first.componentId()).append("\">\n");
            category(xml, "Samples", "SAMPLE", component);
            category(xml, "Events", "EVENT", component);
            category(xml, "Condition", "CONDITION", component);
            xml.append("      </ComponentStream>\n");
        }
        xml.append("    </DeviceStream>\n  </Streams>\n</MTConnectStreams>\n");
        return xml.toString();
    }

    private static void category(StringBuilder xml, String container, String category, List<Stored> observations) {
        boolean open = false;
        for (Stored stored : observations) {
            Item item = stored.item();
            if (!item.category().equals(category)) {
                continue;
            }
            if (!open) {
                xml.append("        <").append(container).append(">\n");
                open = true;
            }
            String element = stored.level() != null ? stored.level() : item.element();
            xml.append("          <").append(element).append(" dataItemId=\"").append(item.id()).append("\" name=\"")
                    .append(item.name()).append("\" sequence=\"").append(stored.sequence()).append("\" timestamp=\"")
                    .append(stored.timestamp()).append('"');
            if (item.subType() != null) {
                xml.append(" subType=\"").append(item.subType()).append('"');
            }
            if (stored.level() != null) {
                xml.append(" type=\"").append(item.type()).append('"');
                if (stored.nativeCode() != null) {
                    xml.append(" nativeCode=\"").append(escape(stored.nativeCode())).append('"');
                }
            }
            if (stored.value() == null) {
                xml.append("/>\n");
            } else {
                xml.append('>').append(escape(stored.value())).append("</").append(element).append(">\n");
            }
        }
        if (open) {
            xml.append("        </").append(container).append(">\n");
        }
    }

    String error(String code, String text) {
        StringBuilder xml = new StringBuilder(512);
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<MTConnectError xmlns=\"urn:mtconnect.org:MTConnectError:1.3\"")
                .append(" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"urn:mtconnect.org:MTConnectError:1.3")
                .append(" http://schemas.mtconnect.org/schemas/MTConnectError_1.3.xsd\">\n");
        synchronized (lock) {
            header(xml).append("/>\n");
        }
        xml.append("  <Errors>\n    <Error errorCode=\"").append(code).append("\">").append(escape(text))
                .append("</Error>\n  </Errors>\n</MTConnectError>\n");
        return xml.toString();
    }

    private StringBuilder header(StringBuilder xml) {
        return xml.append("  <Header creationTime=\"").append(Instant.now().truncatedTo(ChronoUnit.SECONDS))
                .append("\" sender=\"").append(SENDER).append("\" instanceId=\"").append(instanceId)
                .append("\" version=\"").append(VERSION).append("\" bufferSize=\"").append(buffer.capacity()).append('"');
    }

    static String escape(String text) {
        StringBuilder escaped = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                default -> null;
            };
            if (replacement != null && escaped == null) {
                escaped = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (escaped != null) {
                if (replacement != null) {
                    escaped.append(replacement);
                } else {
                    escaped.append(c);
                }
            }
        }
        return escaped == null ? text : escaped.toString();
    }
}
