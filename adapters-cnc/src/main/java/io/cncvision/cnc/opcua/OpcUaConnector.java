package io.cncvision.cnc.opcua;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import io.cncvision.api.value.MachineId;
import io.cncvision.api.value.Protocol;
import io.cncvision.cnc.AlarmLevel;
import io.cncvision.cnc.Backoff;
import io.cncvision.cnc.ConnectionState;
import io.cncvision.cnc.MachineConnection;
import io.cncvision.cnc.MachineConnection.SignalMapping;
import io.cncvision.cnc.MachineConnector;
import io.cncvision.cnc.MachineSignal;
import io.cncvision.cnc.Observation;
import io.cncvision.cnc.ObservationSink;
import io.cncvision.cnc.OffsetWrite;
import io.cncvision.cnc.OffsetWritten;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.SessionActivityListener;
import org.eclipse.milo.opcua.sdk.client.api.UaSession;
import org.eclipse.milo.opcua.sdk.client.api.config.OpcUaClientConfig;
import org.eclipse.milo.opcua.sdk.client.api.identity.AnonymousProvider;
import org.eclipse.milo.opcua.sdk.client.api.identity.IdentityProvider;
import org.eclipse.milo.opcua.sdk.client.api.identity.UsernameProvider;
import org.eclipse.milo.opcua.sdk.client.api.identity.X509IdentityProvider;
import org.eclipse.milo.opcua.sdk.client.api.subscriptions.UaMonitoredItem;
import org.eclipse.milo.opcua.sdk.client.api.subscriptions.UaSubscription;
import org.eclipse.milo.opcua.stack.client.DiscoveryClient;
import org.eclipse.milo.opcua.stack.client.security.DefaultClientCertificateValidator;
import org.eclipse.milo.opcua.stack.core.AttributeId;
import org.eclipse.milo.opcua.stack.core.security.DefaultTrustListManager;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.QualifiedName;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MonitoringMode;
import org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodRequest;
import org.eclipse.milo.opcua.stack.core.types.structured.EndpointDescription;
import org.eclipse.milo.opcua.stack.core.types.structured.MonitoredItemCreateRequest;
import org.eclipse.milo.opcua.stack.core.types.structured.MonitoringParameters;
import org.eclipse.milo.opcua.stack.core.types.structured.ReadValueId;
import org.eclipse.milo.opcua.stack.core.util.EndpointUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A machine over OPC-UA (Eclipse Milo client): one session, one subscription with a monitored item per
 * configured signal, tool offsets written with the Write service or a method call and read back.
 *
 * <p>Options ({@code cncvision.machines[].options}):
 * <ul>
 *   <li>{@code security}: {@code none} (default) or {@code sign-and-encrypt} (Basic256Sha256, SignAndEncrypt);</li>
 *   <li>{@code username} and {@code password}, or {@code user-certificate} and {@code user-key} (PEM or DER
 *       X.509 certificate, PKCS#8 PEM or DER key) for the user identity; anonymous otherwise;</li>
 *   <li>{@code pki-dir} (default {@code ./data/pki}): the platform's application certificate
 *       ({@code cncvision-client.p12}, created once) and the trust list: server certificates in
 *       {@code trusted/certs} are trusted, an untrusted one lands in {@code rejected};</li>
 *   <li>{@code timeout-ms} (default 5000): how long a request, connect or handshake may take;</li>
 *   <li>{@code publishing-interval-ms} (default 100), {@code sampling-interval-ms} (default 50),
 *       {@code keep-alive-ms} (default 2000): how fast changes arrive and a dead session is noticed.</li>
 * </ul>
 *
 * <p>Values by signal: EXECUTION and PROGRAM as text; PART_COUNT, ACTIVE_TOOL and telemetry as numbers;
 * ALARM (keyed by the alarm code) from either a text node holding the level ({@code NORMAL},
 * {@code WARNING}, {@code FAULT}) or a boolean node that is true while the alarm is active, raised at the
 * mapping's option {@code level} (default FAULT); the mapping's option {@code text} gives the alarm's
 * text. Each observation's source id is the node id and the value's source timestamp, so the same value
 * heard again after a reconnect records nothing.
 *
 * <p>An offset mapping with options {@code method} and {@code object} (node ids) is written by calling
 * that method with two inputs, the offset's name (option {@code name}, default the key) and the value;
 * otherwise its node's value is written. Either way the node is read back to confirm.
 */
public final class OpcUaConnector implements MachineConnector {

    private static final Logger log = LoggerFactory.getLogger(OpcUaConnector.class);
    static final String CLIENT_KEYSTORE = "cncvision-client.p12";

    private final MachineConnection connection;
    private final long timeoutMillis;
    private final ScheduledExecutorService lifecycle;
    private final Backoff backoff;
    private volatile ConnectionState state = ConnectionState.CONNECTING;
    private volatile OpcUaClient client;
    private volatile boolean closed;
    private ObservationSink sink;
    // Lifecycle-thread state: whether a loss was reported that a restoration has not answered yet.
    private boolean lossReported;
    private DefaultTrustListManager trustList;
    private ApplicationCertificate certificate;

    public OpcUaConnector(MachineConnection connection) {
        if (connection.protocol() != Protocol.OPCUA) {
            throw new IllegalArgumentException("machine " + connection.machine() + " speaks "
                    + connection.protocol().code() + ", not opcua");
        }
        this.connection = connection;
        this.timeoutMillis = longOption("timeout-ms", 5000);
        this.backoff = new Backoff(connection.initialBackoff(), connection.maximumBackoff());
        String security = connection.option("security", "none");
        if (!security.equals("none") && !security.equals("sign-and-encrypt")) {
            throw new IllegalArgumentException("machine " + connection.machine() + ": option security must be none or "
                    + "sign-and-encrypt, not '" + security + "'");
        }
        this.lifecycle = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "opcua-" + connection.machine().value());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public MachineId machine() {
        return connection.machine();
    }

    @Override
    public Protocol protocol() {
        return Protocol.OPCUA;
    }

    @Override
    public ConnectionState state() {
        return state;
    }

    @Override
    public void start(ObservationSink sink) {
        if (this.sink != null) {
            throw new IllegalStateException("machine " + machine() + ": connector already started");
        }
        this.sink = sink;
        lifecycle.execute(this::attempt);
    }

    /** Where this connector keeps its certificate and trust list. */
    public Path pkiDir() {
        return Path.of(connection.option("pki-dir", "./data/pki"));
    }

    // One connection attempt, on the lifecycle thread; schedules the next one if it fails.
    private void attempt() {
        if (closed) {
            return;
        }
        OpcUaClient connecting = null;
        try {
            EndpointDescription endpoint = endpoint();
            connecting = OpcUaClient.create(config(endpoint));
            OpcUaClient session = connecting;
            connecting.connect().get(timeoutMillis, TimeUnit.MILLISECONDS);
            connecting.addSessionActivityListener(new SessionActivityListener() {
                @Override
                public void onSessionInactive(UaSession lost) {
                    onLifecycle(() -> lost(session, "session with " + connection.endpoint() + " lost"));
                }
            });
            client = connecting;
            state = ConnectionState.CONNECTED;
            backoff.succeeded();
            if (lossReported) {
                lossReported = false;
                log.info("machine {}: connected again to {}", machine(), connection.endpoint());
                sink.connectionRestored(machine(), Instant.now());
            } else {
                log.info("machine {}: connected to {} ({})", machine(), connection.endpoint(),
                        connection.option("security", "none"));
            }
            subscribe(connecting);
        } catch (Exception e) {
            if (connecting != null) {
                connecting.disconnect();
            }
            if (client == connecting) {
                client = null;
            }
            failed(reason(e));
        }
    }

    private void lost(OpcUaClient session, String reason) {
        if (closed || client != session) {
            return;
        }
        client = null;
        session.disconnect();
        failed(reason);
    }

    // Reports the loss once per outage and schedules the next attempt with backoff.
    private void failed(String reason) {
        if (closed) {
            return;
        }
        Duration wait = backoff.failed();
        if (!lossReported) {
            lossReported = true;
            log.error("machine {}: {}; retrying in {} ms, then with backoff up to {}", machine(), reason, wait.toMillis(),
                    connection.maximumBackoff());
            sink.connectionLost(machine(), reason, Instant.now());
        } else {
            log.warn("machine {}: still unreachable after {} attempts: {}; next attempt in {} ms", machine(),
                    backoff.failures(), reason, wait.toMillis());
        }
        state = state == ConnectionState.CONNECTING ? ConnectionState.CONNECTING : ConnectionState.RECONNECTING;
        try {
            lifecycle.schedule(this::attempt, wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // closed meanwhile
        }
    }

    private void onLifecycle(Runnable task) {
        try {
            lifecycle.execute(task);
        } catch (RejectedExecutionException e) {
            // closed meanwhile: nothing left to do
        }
    }

    // GetEndpoints, with our own deadline: a peer that accepts TCP and never answers must not hold us.
    private EndpointDescription endpoint() throws Exception {
        List<EndpointDescription> endpoints;
        try {
            endpoints = DiscoveryClient.getEndpoints(connection.endpoint()).get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IOException(connection.endpoint() + " accepted the connection but did not answer GetEndpoints within "
                    + timeoutMillis + " ms: is it an OPC-UA server, and is the endpoint right?");
        }
        boolean secure = connection.option("security", "none").equals("sign-and-encrypt");
        String policy = secure ? SecurityPolicy.Basic256Sha256.getUri() : SecurityPolicy.None.getUri();
        MessageSecurityMode mode = secure ? MessageSecurityMode.SignAndEncrypt : MessageSecurityMode.None;
        EndpointDescription chosen = endpoints.stream()
                .filter(e -> policy.equals(e.getSecurityPolicyUri()) && e.getSecurityMode() == mode)
                .findFirst()
                .orElseThrow(() -> new IOException(connection.endpoint() + " offers no " + (secure
                        ? "Basic256Sha256 SignAndEncrypt" : "None") + " endpoint; it offers " + endpoints.stream()
                        .map(e -> e.getSecurityPolicyUri().replaceFirst(".*#", "") + "/" + e.getSecurityMode()).toList()));
        // Servers often advertise a host name we cannot resolve: keep the host and port we were configured with.
        return EndpointUtil.updateUrl(chosen, EndpointUtil.getHost(connection.endpoint()),
                EndpointUtil.getPort(connection.endpoint()));
    }

    private OpcUaClientConfig config(EndpointDescription endpoint) throws IOException {
        if (certificate == null) {
            Path pki = pkiDir();
            // Milo's trust list creates its folders with a check-then-mkdir that fails when connectors sharing a
            // pki-dir start together; creating them first (idempotent, race-free) leaves it nothing to create.
            for (String folder : List.of("issuers/certs", "issuers/crl", "trusted/certs", "trusted/crl", "rejected")) {
                Files.createDirectories(pki.resolve(folder));
            }
            trustList = new DefaultTrustListManager(pki.toFile());
            certificate = ApplicationCertificate.loadOrCreate(pki, CLIENT_KEYSTORE, "cncvision platform",
                    "urn:cncvision:platform");
        }
        return OpcUaClientConfig.builder()
                .setApplicationName(LocalizedText.english("cncvision"))
                .setApplicationUri(certificate.applicationUri())
                .setProductUri("urn:cncvision")
                .setEndpoint(endpoint)
                .setKeyPair(certificate.keyPair())
                .setCertificate(certificate.certificate())
                .setCertificateChain(new X509Certificate[]{certificate.certificate()})
                .setCertificateValidator(new DefaultClientCertificateValidator(trustList))
                .setIdentityProvider(identity())
                .setRequestTimeout(uint(timeoutMillis))
                .setConnectTimeout(uint(timeoutMillis))
                .setAcknowledgeTimeout(uint(timeoutMillis))
                .setKeepAliveInterval(uint(longOption("keep-alive-ms", 2000)))
                .setKeepAliveTimeout(uint(timeoutMillis))
                .setKeepAliveFailuresAllowed(uint(1))
                .build();
    }

    private IdentityProvider identity() throws IOException {
        String username = connection.option("username", null);
        String userCertificate = connection.option("user-certificate", null);
        if (username != null && userCertificate != null) {
            throw new IllegalArgumentException("machine " + machine() + ": configure username or user-certificate, not both");
        }
        if (username != null) {
            return new UsernameProvider(username, connection.option("password", ""));
        }
        if (userCertificate != null) {
            String userKey = connection.option("user-key", null);
            if (userKey == null) {
                throw new IllegalArgumentException("machine " + machine() + ": user-certificate needs user-key");
            }
            return new X509IdentityProvider(readCertificate(Path.of(userCertificate)), readKey(Path.of(userKey)));
        }
        return new AnonymousProvider();
    }

    private void subscribe(OpcUaClient session) throws Exception {
        UaSubscription subscription = session.getSubscriptionManager()
                .createSubscription(longOption("publishing-interval-ms", 100))
                .get(timeoutMillis, TimeUnit.MILLISECONDS);
        double samplingMillis = longOption("sampling-interval-ms", 50);
        List<SignalMapping> mappings = new ArrayList<>();
        List<MonitoredItemCreateRequest> requests = new ArrayList<>();
        for (SignalMapping mapping : connection.signals()) {
            NodeId node;
            try {
                node = NodeId.parse(mapping.address());
            } catch (RuntimeException e) {
                log.error("machine {}: '{}' is not an OPC-UA node id (like ns=2;s=Lathe/Execution); signal {} is not "
                        + "followed", machine(), mapping.address(), describe(mapping));
                continue;
            }
            mappings.add(mapping);
            // Client handles number the mappings, so a notification finds its mapping without a lookup table.
            // Telemetry is sampled: its latest value is what counts, so the server keeps one and never overflows.
            // Every value of an event signal (a part count, a serial, a state) matters: a queue keeps them between
            // publishes, and an overflow there is a gap.
            MonitoringParameters parameters = new MonitoringParameters(uint(mappings.size()), samplingMillis, null,
                    uint(mapping.signal().isTelemetry() ? 1 : 16), true);
            requests.add(new MonitoredItemCreateRequest(
                    new ReadValueId(node, AttributeId.Value.uid(), null, QualifiedName.NULL_VALUE),
                    MonitoringMode.Reporting, parameters));
        }
        if (requests.isEmpty()) {
            log.warn("machine {}: no signals configured that could be followed", machine());
            return;
        }
        // Milo hands a notification's values to the items first, then to the subscription's listeners: so this
        // marks the end of what one publish brought (a part count and its serial arrive in one, in either order)
        subscription.addNotificationListener(new UaSubscription.NotificationListener() {
            @Override
            public void onDataChangeNotification(UaSubscription notified, List<UaMonitoredItem> items,
                                                 List<DataValue> values, DateTime publishTime) {
                sink.endOfBatch(machine());
            }
        });
        List<UaMonitoredItem> items = subscription.createMonitoredItems(TimestampsToReturn.Both, requests,
                (item, index) -> {
                    SignalMapping mapping = mappings.get(index);
                    item.setValueConsumer(value -> heard(mapping, item.getReadValueId().getNodeId(), value));
                }).get(timeoutMillis, TimeUnit.MILLISECONDS);
        for (int i = 0; i < items.size(); i++) {
            StatusCode status = items.get(i).getStatusCode();
            if (status.isBad()) {
                log.error("machine {}: {} at {} cannot be followed: {}; the other signals carry on", machine(),
                        describe(mappings.get(i)), mappings.get(i).address(), statusName(status));
            }
        }
    }

    // On Milo's delivery thread, one subscription's notifications in order.
    private void heard(SignalMapping mapping, NodeId node, DataValue value) {
        Object raw = value.getValue() == null ? null : value.getValue().getValue();
        if (value.getStatusCode() != null && !value.getStatusCode().isGood() || raw == null) {
            log.warn("machine {}: {} at {} has no good value ({}); ignored", machine(), describe(mapping), node
                    .toParseableString(), value.getStatusCode() == null ? "no value" : statusName(value.getStatusCode()));
            return;
        }
        Instant sourceTime = time(value.getSourceTime()).or(() -> time(value.getServerTime())).orElseGet(Instant::now);
        if (value.getStatusCode() != null && value.getStatusCode().isOverflowSet()) {
            // the server's queue for this item was full: it discarded older values before this one (Part 4, 5.12.1.5)
            log.warn("machine {}: the server discarded values of {} at {} before {}: its queue overflowed", machine(),
                    describe(mapping), node.toParseableString(), sourceTime);
            sink.dataGap(machine(), "OPC-UA server discarded values of " + node.toParseableString()
                    + " before " + sourceTime + ": its monitored item queue overflowed", Instant.now(),
                    node.toParseableString() + "@" + sourceTime + "#overflow");
        }
        Object converted = convert(mapping, raw);
        if (converted == null) {
            log.warn("machine {}: {} at {} sent {} ({}), which is not a {}; ignored", machine(), describe(mapping),
                    node.toParseableString(), raw, raw.getClass().getSimpleName(), expected(mapping.signal()));
            return;
        }
        sink.observed(machine(), new Observation(mapping.signal(), mapping.key(), converted, sourceTime,
                node.toParseableString() + "@" + sourceTime));
    }

    private static Object convert(SignalMapping mapping, Object raw) {
        if (raw instanceof LocalizedText text) {
            raw = text.getText();
        }
        return switch (mapping.signal()) {
            case EXECUTION, PROGRAM, PART_ID -> raw instanceof String text ? text : null;
            case ALARM -> alarm(mapping, raw);
            case PART_COUNT, ACTIVE_TOOL -> raw instanceof Number number ? (Number) number.longValue() : null;
            default -> raw instanceof Number number ? (Number) number.doubleValue() : null;
        };
    }

    private static Observation.AlarmReport alarm(SignalMapping mapping, Object raw) {
        String text = mapping.option("text", mapping.key());
        if (raw instanceof Boolean active) {
            AlarmLevel level = AlarmLevel.valueOf(mapping.option("level", "FAULT").toUpperCase(Locale.ROOT));
            return new Observation.AlarmReport(active ? level : AlarmLevel.NORMAL, text);
        }
        if (raw instanceof String level) {
            return Arrays.stream(AlarmLevel.values())
                    .filter(candidate -> candidate.name().equalsIgnoreCase(level.trim()))
                    .findFirst()
                    .map(candidate -> new Observation.AlarmReport(candidate, text))
                    .orElse(null);
        }
        return null;
    }

    private static String expected(MachineSignal signal) {
        return switch (signal) {
            case EXECUTION, PROGRAM, PART_ID -> "text";
            case ALARM -> "level (NORMAL, WARNING, FAULT) or boolean";
            default -> "number";
        };
    }

    @Override
    public CompletableFuture<OffsetWritten> writeOffset(OffsetWrite write) {
        SignalMapping mapping;
        NodeId node;
        try {
            mapping = connection.writableOffset(write.offset());
            node = NodeId.parse(mapping.address());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e instanceof IllegalArgumentException ? e
                    : new IllegalArgumentException("machine " + machine() + ": offset " + write.offset() + " has address "
                    + "'" + mapping(write) + "', which is not an OPC-UA node id", e));
        }
        OpcUaClient session = client;
        if (session == null) {
            return CompletableFuture.failedFuture(new IOException("machine " + machine() + " is not connected ("
                    + state + "); offset " + write.offset() + " not written"));
        }
        String method = mapping.option("method", null);
        CompletableFuture<StatusCode> written;
        if (method != null) {
            String object = mapping.option("object", null);
            if (object == null) {
                return CompletableFuture.failedFuture(new IllegalArgumentException("machine " + machine() + ": offset "
                        + write.offset() + " names method " + method + " but not the object it belongs to (option object)"));
            }
            written = session.call(new CallMethodRequest(NodeId.parse(object), NodeId.parse(method),
                            new Variant[]{new Variant(mapping.option("name", write.offset())), new Variant(write.value())}))
                    .thenApply(result -> result.getStatusCode());
        } else {
            written = session.writeValue(node, DataValue.valueOnly(new Variant(write.value())));
        }
        String target = method != null ? "method " + method : "node " + mapping.address();
        return written.thenCompose(status -> {
                    if (status.isBad()) {
                        return CompletableFuture.failedFuture(new IOException("machine " + machine() + " refused offset "
                                + write.offset() + " = " + write.value() + " at " + target + ": " + statusName(status)));
                    }
                    return session.readValue(0, TimestampsToReturn.Both, node);
                })
                .thenApply(readBack -> {
                    Object raw = readBack.getValue() == null ? null : readBack.getValue().getValue();
                    if (!(raw instanceof Number number) || !readBack.getStatusCode().isGood()) {
                        throw new java.util.concurrent.CompletionException(new IOException("machine " + machine()
                                + ": offset " + write.offset() + " written but reading it back gave " + raw + " ("
                                + statusName(readBack.getStatusCode()) + ")"));
                    }
                    Instant at = time(readBack.getSourceTime()).orElseGet(Instant::now);
                    return new OffsetWritten(write.offset(), write.value(), number.doubleValue(), at);
                })
                .orTimeout(timeoutMillis * 2, TimeUnit.MILLISECONDS);
    }

    private String mapping(OffsetWrite write) {
        return connection.mappings(MachineSignal.TOOL_OFFSET).stream()
                .filter(m -> write.offset().equals(m.key())).map(SignalMapping::address).findFirst().orElse("?");
    }

    @Override
    public void close() {
        closed = true;
        state = ConnectionState.CLOSED;
        OpcUaClient session = client;
        client = null;
        if (session != null) {
            try {
                session.disconnect().get(timeoutMillis, TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                log.debug("machine {}: disconnect did not finish cleanly", machine(), e);
            }
        }
        lifecycle.shutdownNow();
        try {
            lifecycle.awaitTermination(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (trustList != null) {
            try {
                trustList.close();
            } catch (IOException e) {
                log.debug("machine {}: trust list did not close cleanly", machine(), e);
            }
        }
    }

    // Why an attempt failed, in words an integrator can act on.
    private String reason(Exception e) {
        Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
        if (e instanceof TimeoutException) {
            return connection.endpoint() + " did not complete the connection within " + timeoutMillis
                    + " ms (timeout-ms): the server hangs or a firewall drops the traffic";
        }
        Optional<String> untrusted = rejectedServerCertificate();
        if (untrusted.isPresent()) {
            return untrusted.get();
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return message.startsWith(connection.endpoint()) ? message : "cannot connect to " + connection.endpoint() + ": " + message;
    }

    // Milo's trust list writes a refused server certificate into rejected/: name the file and how to trust it.
    private Optional<String> rejectedServerCertificate() {
        if (trustList == null) {
            return Optional.empty();
        }
        Path rejected = trustList.getRejectedDir().toPath();
        try (var files = Files.list(rejected)) {
            return files.filter(file -> file.toString().endsWith(".der"))
                    .max((a, b) -> Long.compare(a.toFile().lastModified(), b.toFile().lastModified()))
                    .filter(file -> file.toFile().lastModified() >= System.currentTimeMillis() - 60_000)
                    .filter(file -> !trustedAlready(file))
                    .map(file -> "the server certificate of " + connection.endpoint() + " is not trusted, so the "
                            + "connection was refused. It was saved as '" + file.toAbsolutePath() + "': if this is the "
                            + "right machine, move that file to '" + trustList.getTrustedCertsDir().toPath().toAbsolutePath()
                            + "' and the next attempt connects");
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private boolean trustedAlready(Path rejectedFile) {
        try {
            X509Certificate rejected = readCertificate(rejectedFile);
            return trustList.getTrustedCertificates().contains(rejected);
        } catch (IOException e) {
            return false;
        }
    }

    private static X509Certificate readCertificate(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (java.security.cert.CertificateException e) {
            throw new IOException(file + " is not an X.509 certificate: " + e.getMessage(), e);
        }
    }

    private static PrivateKey readKey(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        String text = new String(bytes, java.nio.charset.StandardCharsets.US_ASCII);
        if (text.contains("-----BEGIN PRIVATE KEY-----")) {
            bytes = Base64.getMimeDecoder().decode(text.replaceAll("-----[A-Z ]+-----", ""));
        }
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(bytes));
        } catch (java.security.GeneralSecurityException e) {
            throw new IOException(file + " is not a PKCS#8 RSA private key (BEGIN PRIVATE KEY): " + e.getMessage(), e);
        }
    }

    private static Optional<Instant> time(DateTime time) {
        return time == null || time.isNull() ? Optional.empty() : Optional.of(time.getJavaInstant());
    }

    private static String statusName(StatusCode status) {
        return status == null ? "no status" : org.eclipse.milo.opcua.stack.core.StatusCodes.lookup(status.getValue())
                .map(names -> names[0]).orElse(status.toString());
    }

    private static String describe(SignalMapping mapping) {
        return mapping.signal() + (mapping.key() == null ? "" : " " + mapping.key());
    }

    private long longOption(String key, long fallback) {
        String value = connection.option(key, null);
        if (value == null) {
            return fallback;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("machine " + connection.machine() + ": option " + key
                    + " must be a whole number, not '" + value + "'");
        }
    }
}
