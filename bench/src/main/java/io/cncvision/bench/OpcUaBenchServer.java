package io.cncvision.bench;

import io.cncvision.api.value.MachineId;
import io.cncvision.api.value.Protocol;
import io.cncvision.cnc.MachineConnection;
import io.cncvision.cnc.MachineConnection.SignalMapping;
import io.cncvision.cnc.MachineSignal;
import io.cncvision.cnc.opcua.ApplicationCertificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.milo.opcua.sdk.core.AccessLevel;
import org.eclipse.milo.opcua.sdk.core.Reference;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.api.DataItem;
import org.eclipse.milo.opcua.sdk.server.api.ManagedNamespaceWithLifecycle;
import org.eclipse.milo.opcua.sdk.server.api.MonitoredItem;
import org.eclipse.milo.opcua.sdk.server.api.config.OpcUaServerConfig;
import org.eclipse.milo.opcua.sdk.server.identity.AnonymousIdentityValidator;
import org.eclipse.milo.opcua.sdk.server.nodes.AttributeObserver;
import org.eclipse.milo.opcua.sdk.server.nodes.UaFolderNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaVariableNode;
import org.eclipse.milo.opcua.stack.core.AttributeId;
import org.eclipse.milo.opcua.stack.core.Identifiers;
import org.eclipse.milo.opcua.stack.core.security.DefaultCertificateManager;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.transport.TransportProfile;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.types.structured.BuildInfo;
import org.eclipse.milo.opcua.stack.server.EndpointConfiguration;
import org.eclipse.milo.opcua.stack.server.security.ServerCertificateValidator;

/**
 * A Milo server built like the simulator's (values pushed to subscribers the moment they are set) with
 * many machine folders of ten signals each, {@code ns=2;s=M007/Execution} and so on, for the OPC-UA
 * harnesses. None security only: what is measured is the subscription path, not the cipher.
 */
final class OpcUaBenchServer implements AutoCloseable {

    /** The ten signals of each machine, in the order {@link #connection} maps them. */
    static final List<String> SIGNALS = List.of("Execution", "PartCount", "SpindleSpeed", "SpindleLoad", "FeedOverride",
            "ActiveTool", "X", "Y", "Z", "C");

    private final OpcUaServer server;
    private final int port;
    private final Map<String, UaVariableNode> nodes = new ConcurrentHashMap<>();

    OpcUaBenchServer(int machines, int port) throws Exception {
        this.port = port;
        ApplicationCertificate certificate = ApplicationCertificate.create("cncvision bench server", "urn:cncvision:bench");
        EndpointConfiguration endpoint = EndpointConfiguration.newBuilder()
                .setBindAddress("0.0.0.0").setBindPort(port).setHostname("localhost").setPath("/bench")
                .setCertificate(certificate.certificate())
                .setTransportProfile(TransportProfile.TCP_UASC_UABINARY)
                .setSecurityPolicy(SecurityPolicy.None).setSecurityMode(MessageSecurityMode.None)
                .addTokenPolicies(OpcUaServerConfig.USER_TOKEN_POLICY_ANONYMOUS)
                .build();
        server = new OpcUaServer(OpcUaServerConfig.builder()
                .setApplicationUri(certificate.applicationUri())
                .setApplicationName(LocalizedText.english("cncvision bench server"))
                .setProductUri("urn:cncvision:bench")
                .setBuildInfo(new BuildInfo("urn:cncvision:bench", "cncvision", "bench", OpcUaServer.SDK_VERSION, "",
                        DateTime.now()))
                .setEndpoints(Set.of(endpoint))
                .setCertificateManager(new DefaultCertificateManager(certificate.keyPair(), certificate.certificate()))
                .setCertificateValidator(new ServerCertificateValidator() {
                    @Override
                    public void validateCertificateChain(List<java.security.cert.X509Certificate> chain) {
                    }

                    @Override
                    public void validateCertificateChain(List<java.security.cert.X509Certificate> chain, String uri) {
                    }
                })
                .setIdentityValidator(AnonymousIdentityValidator.INSTANCE)
                .build());
        new Machines(server, machines).startup();
        server.startup().get(30, TimeUnit.SECONDS);
    }

    String endpoint() {
        return "opc.tcp://localhost:" + port + "/bench";
    }

    /** The platform's id of machine {@code machine}. */
    static String machineId(int machine) {
        return String.format("M%03d", machine);
    }

    static String node(int machine, String signal) {
        return String.format("ns=2;s=M%03d/%s", machine, signal);
    }

    /** Sets a value as the machine would, stamped {@code sourceTime}; subscribers hear it at once. */
    void set(int machine, String signal, Object value, Instant sourceTime) {
        nodes.get(node(machine, signal)).setValue(new DataValue(new Variant(value), StatusCode.GOOD,
                new DateTime(sourceTime), DateTime.now()));
    }

    /** A connection that follows machine {@code machine}'s ten signals with these connector options. */
    MachineConnection connection(int machine, Map<String, String> options) {
        List<SignalMapping> signals = new ArrayList<>();
        MachineSignal[] kinds = {MachineSignal.EXECUTION, MachineSignal.PART_COUNT, MachineSignal.SPINDLE_SPEED,
                MachineSignal.SPINDLE_LOAD, MachineSignal.FEED_OVERRIDE, MachineSignal.ACTIVE_TOOL};
        for (int i = 0; i < SIGNALS.size(); i++) {
            MachineSignal kind = i < kinds.length ? kinds[i] : MachineSignal.AXIS_POSITION;
            signals.add(new SignalMapping(kind, kind == MachineSignal.AXIS_POSITION ? SIGNALS.get(i) : null,
                    node(machine, SIGNALS.get(i)), false, null));
        }
        return new MachineConnection(new MachineId(machineId(machine)), null, Protocol.OPCUA, endpoint(),
                options, signals, Duration.ofMillis(200), Duration.ofSeconds(2));
    }

    @Override
    public void close() throws Exception {
        server.shutdown().get(10, TimeUnit.SECONDS);
    }

    private final class Machines extends ManagedNamespaceWithLifecycle {
        private final Map<Long, Runnable> unsubscribe = new ConcurrentHashMap<>();

        Machines(OpcUaServer server, int machines) {
            super(server, "urn:cncvision:bench:machines");
            getLifecycleManager().addStartupTask(() -> {
                for (int m = 0; m < machines; m++) {
                    String name = String.format("M%03d", m);
                    UaFolderNode folder = new UaFolderNode(getNodeContext(), newNodeId(name), newQualifiedName(name),
                            LocalizedText.english(name));
                    getNodeManager().addNode(folder);
                    folder.addReference(new Reference(folder.getNodeId(), Identifiers.Organizes,
                            Identifiers.ObjectsFolder.expanded(), false));
                    for (String signal : SIGNALS) {
                        UaVariableNode node = new UaVariableNode.UaVariableNodeBuilder(getNodeContext())
                                .setNodeId(newNodeId(name + "/" + signal))
                                .setBrowseName(newQualifiedName(signal))
                                .setDisplayName(LocalizedText.english(signal))
                                .setDataType(signal.equals("Execution") ? Identifiers.String : Identifiers.Double)
                                .setTypeDefinition(Identifiers.BaseDataVariableType)
                                .setAccessLevel(AccessLevel.READ_ONLY)
                                .build();
                        node.setValue(new DataValue(new Variant(signal.equals("Execution") ? "READY" : 0.0)));
                        getNodeManager().addNode(node);
                        folder.addOrganizes(node);
                        nodes.put(node(m, signal), node);
                    }
                }
            });
        }

        @Override
        public void onDataItemsCreated(List<DataItem> items) {
            for (DataItem item : items) {
                UaVariableNode node = nodes.get(item.getReadValueId().getNodeId().toParseableString());
                if (node == null) {
                    item.setQuality(new StatusCode(org.eclipse.milo.opcua.stack.core.StatusCodes.Bad_NodeIdUnknown));
                    continue;
                }
                AttributeObserver observer = (changed, attribute, value) -> {
                    if (attribute == AttributeId.Value && item.isSamplingEnabled()) {
                        item.setValue((DataValue) value);
                    }
                };
                node.addAttributeObserver(observer);
                unsubscribe.put(item.getId().longValue(), () -> node.removeAttributeObserver(observer));
                item.setValue(node.getValue());
            }
        }

        @Override
        public void onDataItemsModified(List<DataItem> items) {
        }

        @Override
        public void onDataItemsDeleted(List<DataItem> items) {
            items.forEach(item -> {
                Runnable removal = unsubscribe.remove(item.getId().longValue());
                if (removal != null) {
                    removal.run();
                }
            });
        }

        @Override
        public void onMonitoringModeChanged(List<MonitoredItem> items) {
        }
    }
}
