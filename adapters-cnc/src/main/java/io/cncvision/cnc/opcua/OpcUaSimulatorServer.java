package io.cncvision.cnc.opcua;

import io.cncvision.api.value.MachineId;
import io.cncvision.api.value.Protocol;
import io.cncvision.cnc.MachineConnection;
import io.cncvision.cnc.MachineConnection.SignalMapping;
import io.cncvision.cnc.MachineSignal;
import io.cncvision.cnc.simulator.SimulatedLathe;
import io.cncvision.cnc.simulator.SimulatorServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.api.config.OpcUaServerConfig;
import org.eclipse.milo.opcua.sdk.server.identity.CompositeValidator;
import org.eclipse.milo.opcua.sdk.server.identity.UsernameIdentityValidator;
import org.eclipse.milo.opcua.sdk.server.identity.X509IdentityValidator;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.security.DefaultCertificateManager;
import org.eclipse.milo.opcua.stack.core.security.DefaultTrustListManager;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.transport.TransportProfile;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.types.structured.BuildInfo;
import org.eclipse.milo.opcua.stack.server.EndpointConfiguration;
import org.eclipse.milo.opcua.stack.server.security.ServerCertificateValidator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulated lathe over OPC-UA (Eclipse Milo server), at {@code opc.tcp://localhost:PORT/cncvision}
 * with a None endpoint and a Basic256Sha256 SignAndEncrypt one. Nodes, in namespace
 * {@value #NAMESPACE_URI} (index 2): {@code Lathe/Execution}, {@code Program}, {@code PartCount},
 * {@code SpindleSpeed}, {@code SpindleLoad}, {@code FeedOverride}, {@code ActiveTool}, {@code X},
 * {@code Z}, {@code LastBore}, {@code Alarms/COOLANT_LOW} and {@code Alarms/SPINDLE_OVERLOAD} (level
 * text NORMAL, WARNING or FAULT), {@code Offsets/T1.wear.x} and {@code Offsets/T1.geometry.x}
 * (writable), and the method {@code Lathe/SetOffset(name, value)} on the object {@code Lathe}. Values
 * change as the lathe does, stamped with the lathe's own time as source timestamp.
 *
 * <p>Being a simulator it accepts every client certificate, including ones it has never seen, and any
 * user (anonymous, any username and password, any X.509 identity): it is for trying connections, not
 * for guarding anything. Its own certificate is created in {@code certificateDir} (kept and reused
 * there) or, without one, in a temporary directory.
 */
public final class OpcUaSimulatorServer implements SimulatorServer {

    public static final String NAMESPACE_URI = "urn:cncvision:simulator";
    public static final String PATH = "/cncvision";
    static final String SERVER_KEYSTORE = "cncvision-simulator.p12";

    private static final Logger log = LoggerFactory.getLogger(OpcUaSimulatorServer.class);

    private final Path certificateDir;
    private OpcUaServer server;
    private DefaultTrustListManager trustList;
    private ApplicationCertificate certificate;
    private int port;

    /** A simulator that keeps its certificate in a temporary directory. */
    public OpcUaSimulatorServer() {
        this(null);
    }

    /** A simulator that keeps its certificate in {@code certificateDir}, created once and reused. */
    public OpcUaSimulatorServer(Path certificateDir) {
        this.certificateDir = certificateDir;
    }

    @Override
    public void start(SimulatedLathe lathe, int port) throws Exception {
        Path dir = certificateDir != null ? certificateDir : Files.createTempDirectory("cncvision-opcua-simulator");
        certificate = ApplicationCertificate.loadOrCreate(dir, SERVER_KEYSTORE, "cncvision simulated lathe",
                "urn:cncvision:simulator:server");
        trustList = new DefaultTrustListManager(dir.resolve("pki").toFile());
        this.port = port;
        Set<EndpointConfiguration> endpoints = new LinkedHashSet<>();
        for (String host : List.of("localhost", "127.0.0.1")) {
            endpoints.add(endpoint(host, port, SecurityPolicy.None, MessageSecurityMode.None));
            endpoints.add(endpoint(host, port, SecurityPolicy.Basic256Sha256, MessageSecurityMode.SignAndEncrypt));
        }
        OpcUaServerConfig config = OpcUaServerConfig.builder()
                .setApplicationUri(certificate.applicationUri())
                .setApplicationName(LocalizedText.english("cncvision simulated lathe"))
                .setProductUri("urn:cncvision:simulator")
                .setBuildInfo(new BuildInfo("urn:cncvision:simulator", "cncvision", "cncvision simulated lathe",
                        OpcUaServer.SDK_VERSION, "", DateTime.now()))
                .setEndpoints(endpoints)
                .setCertificateManager(new DefaultCertificateManager(certificate.keyPair(), certificate.certificate()))
                .setTrustListManager(trustList)
                .setCertificateValidator(new AcceptingCertificateValidator())
                .setIdentityValidator(new CompositeValidator<>(
                        new UsernameIdentityValidator(true, challenge -> true),
                        new X509IdentityValidator(userCertificate -> true)))
                .build();
        server = new OpcUaServer(config);
        new LatheNamespace(server, lathe).startup();
        server.startup().get(30, TimeUnit.SECONDS);
        log.info("OPC-UA simulator serving {} (None and Basic256Sha256 SignAndEncrypt)", endpoint());
    }

    private EndpointConfiguration endpoint(String host, int port, SecurityPolicy policy, MessageSecurityMode mode) {
        return EndpointConfiguration.newBuilder()
                .setBindAddress("0.0.0.0")
                .setBindPort(port)
                .setHostname(host)
                .setPath(PATH)
                .setCertificate(certificate.certificate())
                .setTransportProfile(TransportProfile.TCP_UASC_UABINARY)
                .setSecurityPolicy(policy)
                .setSecurityMode(mode)
                .addTokenPolicies(OpcUaServerConfig.USER_TOKEN_POLICY_ANONYMOUS,
                        OpcUaServerConfig.USER_TOKEN_POLICY_USERNAME, OpcUaServerConfig.USER_TOKEN_POLICY_X509)
                .build();
    }

    @Override
    public String endpoint() {
        return "opc.tcp://localhost:" + port + PATH;
    }

    /** The simulator's certificate: what a client puts in its trust list to trust it. */
    public X509Certificate certificate() {
        return certificate.certificate();
    }

    @Override
    public void close() {
        if (server != null) {
            try {
                server.shutdown().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                log.warn("OPC-UA simulator on port {} did not shut down cleanly: {}", port, e.toString());
            }
            server = null;
        }
        if (trustList != null) {
            try {
                trustList.close();
            } catch (IOException e) {
                log.debug("simulator trust list did not close cleanly", e);
            }
            trustList = null;
        }
    }

    /**
     * A ready-made connection to a simulator at {@code endpoint}, mapping every signal it serves, with
     * {@code security} {@code none} or {@code sign-and-encrypt}.
     */
    public static MachineConnection connection(MachineId machine, String endpoint, String security) {
        return connection(machine, endpoint, Map.of("security", security));
    }

    /** A ready-made connection to a simulator at {@code endpoint} with these connector options. */
    public static MachineConnection connection(MachineId machine, String endpoint, Map<String, String> options) {
        return new MachineConnection(machine, "Simulated lathe " + machine.value(), Protocol.OPCUA, endpoint,
                new HashMap<>(options), mappings(), null, null);
    }

    /** The signals the simulator serves, as configuration maps them. */
    public static List<SignalMapping> mappings() {
        List<SignalMapping> mappings = new ArrayList<>();
        mappings.add(signal(MachineSignal.EXECUTION, null, "Execution"));
        mappings.add(signal(MachineSignal.PROGRAM, null, "Program"));
        mappings.add(signal(MachineSignal.PART_ID, null, "PartId"));
        mappings.add(signal(MachineSignal.PART_COUNT, null, "PartCount"));
        mappings.add(signal(MachineSignal.SPINDLE_SPEED, null, "SpindleSpeed"));
        mappings.add(signal(MachineSignal.SPINDLE_LOAD, null, "SpindleLoad"));
        mappings.add(signal(MachineSignal.FEED_OVERRIDE, null, "FeedOverride"));
        mappings.add(signal(MachineSignal.ACTIVE_TOOL, null, "ActiveTool"));
        mappings.add(signal(MachineSignal.AXIS_POSITION, "X", "X"));
        mappings.add(signal(MachineSignal.AXIS_POSITION, "Z", "Z"));
        mappings.add(new SignalMapping(MachineSignal.ALARM, "COOLANT_LOW", node("Alarms/COOLANT_LOW"), false,
                Map.of("text", "Coolant level low")));
        mappings.add(new SignalMapping(MachineSignal.ALARM, "SPINDLE_OVERLOAD", node("Alarms/SPINDLE_OVERLOAD"), false,
                Map.of("text", "Spindle overload: cycle stopped")));
        mappings.add(new SignalMapping(MachineSignal.TOOL_OFFSET, SimulatedLathe.WEAR_OFFSET,
                node("Offsets/" + SimulatedLathe.WEAR_OFFSET), true, Map.of()));
        // The geometry offset is written through the method, to show (and test) the other way of writing.
        mappings.add(new SignalMapping(MachineSignal.TOOL_OFFSET, SimulatedLathe.GEOMETRY_OFFSET,
                node("Offsets/" + SimulatedLathe.GEOMETRY_OFFSET), true,
                Map.of("method", node("SetOffset"), "object", "ns=2;s=Lathe")));
        return List.copyOf(mappings);
    }

    /** The node id of a lathe node, e.g. {@code ns=2;s=Lathe/Execution} for {@code Execution}. */
    public static String node(String name) {
        return "ns=2;s=Lathe/" + name;
    }

    private static SignalMapping signal(MachineSignal signal, String key, String name) {
        return new SignalMapping(signal, key, node(name), false, Map.of());
    }

    /** Accepts every client certificate: the simulator is for trying connections, not for guarding anything. */
    private static final class AcceptingCertificateValidator implements ServerCertificateValidator {

        @Override
        public void validateCertificateChain(List<X509Certificate> chain) throws UaException {
            log.debug("simulator accepts client certificate {}", chain.isEmpty() ? "(none)"
                    : chain.get(0).getSubjectX500Principal());
        }

        @Override
        public void validateCertificateChain(List<X509Certificate> chain, String applicationUri) throws UaException {
            validateCertificateChain(chain);
        }
    }
}
