package io.cncvision.cnc.opcua;

import io.cncvision.cnc.simulator.LatheState;
import io.cncvision.cnc.simulator.SimulatedLathe;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.milo.opcua.sdk.core.AccessLevel;
import org.eclipse.milo.opcua.sdk.core.Reference;
import org.eclipse.milo.opcua.sdk.core.ValueRanks;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.api.DataItem;
import org.eclipse.milo.opcua.sdk.server.api.ManagedNamespaceWithLifecycle;
import org.eclipse.milo.opcua.sdk.server.api.MonitoredItem;
import org.eclipse.milo.opcua.sdk.server.api.methods.AbstractMethodInvocationHandler;
import org.eclipse.milo.opcua.sdk.server.nodes.AttributeObserver;
import org.eclipse.milo.opcua.sdk.server.nodes.UaFolderNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaMethodNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaVariableNode;
import org.eclipse.milo.opcua.sdk.server.nodes.filters.AttributeFilter;
import org.eclipse.milo.opcua.sdk.server.nodes.filters.AttributeFilterContext;
import org.eclipse.milo.opcua.sdk.server.util.SubscriptionModel;
import org.eclipse.milo.opcua.stack.core.AttributeId;
import org.eclipse.milo.opcua.stack.core.Identifiers;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.UaRuntimeException;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.structured.Argument;

/**
 * The simulated lathe's address space: a {@code Lathe} folder of variables that follow the lathe's state,
 * writable offsets and the {@code SetOffset} method. Monitored values are pushed to subscribers the
 * moment the lathe changes (not sampled), so what a client hears is as fresh as the lathe.
 */
final class LatheNamespace extends ManagedNamespaceWithLifecycle {

    private static final List<String> ALARMS = List.of("COOLANT_LOW", "SPINDLE_OVERLOAD");

    private final SimulatedLathe lathe;
    private final SubscriptionModel sampled;
    private final Map<String, UaVariableNode> variables = new HashMap<>();
    private final Map<String, Object> shown = new HashMap<>();
    private final Map<Long, Pushing> pushing = new ConcurrentHashMap<>();

    LatheNamespace(OpcUaServer server, SimulatedLathe lathe) {
        super(server, OpcUaSimulatorServer.NAMESPACE_URI);
        this.lathe = lathe;
        this.sampled = new SubscriptionModel(server, this);
        getLifecycleManager().addLifecycle(sampled);
        getLifecycleManager().addStartupTask(this::createNodes);
    }

    private void createNodes() {
        UaFolderNode folder = new UaFolderNode(getNodeContext(), newNodeId("Lathe"), newQualifiedName("Lathe"),
                LocalizedText.english("Lathe"));
        getNodeManager().addNode(folder);
        folder.addReference(new Reference(folder.getNodeId(), Identifiers.Organizes,
                Identifiers.ObjectsFolder.expanded(), false));
        UaFolderNode alarms = folder("Lathe/Alarms", "Alarms", folder);
        UaFolderNode offsets = folder("Lathe/Offsets", "Offsets", folder);

        LatheState state = lathe.state();
        variable(folder, "Execution", Identifiers.String, false);
        variable(folder, "Program", Identifiers.String, false);
        variable(folder, "PartId", Identifiers.String, false);
        variable(folder, "PartCount", Identifiers.Int64, false);
        variable(folder, "SpindleSpeed", Identifiers.Double, false);
        variable(folder, "SpindleLoad", Identifiers.Double, false);
        variable(folder, "FeedOverride", Identifiers.Double, false);
        variable(folder, "ActiveTool", Identifiers.Int32, false);
        variable(folder, "X", Identifiers.Double, false);
        variable(folder, "Z", Identifiers.Double, false);
        variable(folder, "LastBore", Identifiers.Double, false);
        ALARMS.forEach(code -> variable(alarms, "Alarms/" + code, Identifiers.String, false));
        state.offsets().keySet().forEach(name -> variable(offsets, "Offsets/" + name, Identifiers.Double, true));
        method(folder);

        show(state);
        lathe.onChange(this::show);
    }

    private UaFolderNode folder(String id, String name, UaFolderNode parent) {
        UaFolderNode folder = new UaFolderNode(getNodeContext(), newNodeId(id), newQualifiedName(name),
                LocalizedText.english(name));
        getNodeManager().addNode(folder);
        parent.addOrganizes(folder);
        return folder;
    }

    private void variable(UaFolderNode parent, String path, NodeId dataType, boolean writable) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        UaVariableNode node = new UaVariableNode.UaVariableNodeBuilder(getNodeContext())
                .setNodeId(newNodeId("Lathe/" + path))
                .setBrowseName(newQualifiedName(name))
                .setDisplayName(LocalizedText.english(name))
                .setDataType(dataType)
                .setTypeDefinition(Identifiers.BaseDataVariableType)
                .setAccessLevel(writable ? AccessLevel.READ_WRITE : AccessLevel.READ_ONLY)
                .setUserAccessLevel(writable ? AccessLevel.READ_WRITE : AccessLevel.READ_ONLY)
                .build();
        if (writable) {
            node.getFilterChain().addLast(new OffsetWriteFilter(name));
        }
        getNodeManager().addNode(node);
        parent.addOrganizes(node);
        variables.put(path, node);
    }

    // A client's write of an offset goes to the lathe; the lathe's change then updates the node.
    private final class OffsetWriteFilter implements AttributeFilter {
        private final String offset;

        OffsetWriteFilter(String offset) {
            this.offset = offset;
        }

        @Override
        public void setAttribute(AttributeFilterContext.SetAttributeContext ctx, AttributeId attributeId, Object value) {
            if (attributeId != AttributeId.Value || ctx.getSession().isEmpty()) {
                ctx.setAttribute(attributeId, value);
                return;
            }
            Object written = value instanceof DataValue dataValue && dataValue.getValue() != null
                    ? dataValue.getValue().getValue() : null;
            if (!(written instanceof Number number) || !lathe.writeOffset(offset, number.doubleValue())) {
                throw new UaRuntimeException(StatusCodes.Bad_OutOfRange);
            }
        }
    }

    private void method(UaFolderNode folder) {
        UaMethodNode method = UaMethodNode.builder(getNodeContext())
                .setNodeId(newNodeId("Lathe/SetOffset"))
                .setBrowseName(newQualifiedName("SetOffset"))
                .setDisplayName(LocalizedText.english("SetOffset"))
                .setDescription(LocalizedText.english("Writes a tool offset (name, value in mm)"))
                .build();
        SetOffset handler = new SetOffset(method);
        method.setInputArguments(handler.getInputArguments());
        method.setOutputArguments(handler.getOutputArguments());
        method.setInvocationHandler(handler);
        getNodeManager().addNode(method);
        method.addReference(new Reference(method.getNodeId(), Identifiers.HasComponent, folder.getNodeId().expanded(),
                false));
    }

    private final class SetOffset extends AbstractMethodInvocationHandler {

        SetOffset(UaMethodNode node) {
            super(node);
        }

        @Override
        public Argument[] getInputArguments() {
            return new Argument[]{
                    new Argument("name", Identifiers.String, ValueRanks.Scalar, null,
                            LocalizedText.english("The offset, e.g. T1.wear.x")),
                    new Argument("value", Identifiers.Double, ValueRanks.Scalar, null,
                            LocalizedText.english("Its new value, mm"))};
        }

        @Override
        public Argument[] getOutputArguments() {
            return new Argument[0];
        }

        @Override
        protected Variant[] invoke(InvocationContext context, Variant[] inputs) throws UaException {
            Object name = inputs[0].getValue();
            Object value = inputs[1].getValue();
            if (!(name instanceof String offset) || !(value instanceof Number number)
                    || !lathe.writeOffset(offset, number.doubleValue())) {
                throw new UaException(StatusCodes.Bad_InvalidArgument, "no offset " + name + " or bad value " + value);
            }
            return new Variant[0];
        }
    }

    // Shows the lathe's state on the nodes whose values changed, stamped with the lathe's time.
    private synchronized void show(LatheState state) {
        DateTime time = new DateTime(state.time());
        set("Execution", state.execution(), time);
        set("Program", state.program(), time);
        // the serial before the count, so a client hears which part the count is of with it or before it
        set("PartId", state.partSerial() == null ? "" : state.partSerial(), time);
        set("PartCount", state.partCount(), time);
        set("SpindleSpeed", state.spindleSpeed(), time);
        set("SpindleLoad", state.spindleLoad(), time);
        set("FeedOverride", state.feedOverride(), time);
        set("ActiveTool", state.activeTool(), time);
        set("X", state.xPosition(), time);
        set("Z", state.zPosition(), time);
        set("LastBore", state.lastBore(), time);
        for (String code : ALARMS) {
            LatheState.Alarm alarm = state.alarms().get(code);
            set("Alarms/" + code, alarm == null ? "NORMAL" : alarm.level(), time);
        }
        state.offsets().forEach((name, value) -> set("Offsets/" + name, value, time));
    }

    private void set(String path, Object value, DateTime time) {
        if (Objects.equals(shown.put(path, value), value)) {
            return;
        }
        variables.get(path).setValue(new DataValue(new Variant(value), StatusCode.GOOD, time, DateTime.now()));
    }

    /** A monitored value pushed on change: the node it watches and the observer that pushes. */
    private record Pushing(UaNode node, AttributeObserver observer) {
    }

    @Override
    public void onDataItemsCreated(List<DataItem> items) {
        List<DataItem> others = new java.util.ArrayList<>();
        for (DataItem item : items) {
            UaNode node = getNodeManager().get(item.getReadValueId().getNodeId());
            if (node instanceof UaVariableNode variable && item.getReadValueId().getAttributeId().intValue()
                    == AttributeId.Value.id()) {
                AttributeObserver observer = (changed, attribute, value) -> {
                    if (attribute == AttributeId.Value && item.isSamplingEnabled()) {
                        item.setValue((DataValue) value);
                    }
                };
                pushing.put(item.getId().longValue(), new Pushing(variable, observer));
                variable.addAttributeObserver(observer);
                item.setValue(variable.getValue());
            } else {
                others.add(item);
            }
        }
        sampled.onDataItemsCreated(others);
    }

    @Override
    public void onDataItemsModified(List<DataItem> items) {
        sampled.onDataItemsModified(items.stream().filter(item -> !pushing.containsKey(item.getId().longValue())).toList());
    }

    @Override
    public void onDataItemsDeleted(List<DataItem> items) {
        for (DataItem item : items) {
            Pushing removed = pushing.remove(item.getId().longValue());
            if (removed != null) {
                removed.node().removeAttributeObserver(removed.observer());
            }
        }
        sampled.onDataItemsDeleted(items.stream().filter(item -> !pushing.containsKey(item.getId().longValue())).toList());
    }

    @Override
    public void onMonitoringModeChanged(List<MonitoredItem> items) {
        sampled.onMonitoringModeChanged(items);
    }
}
