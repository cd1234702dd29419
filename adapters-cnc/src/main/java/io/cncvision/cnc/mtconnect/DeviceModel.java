package io.cncvision.cnc.mtconnect;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An agent's {@code /probe} answer (MTConnectDevices): its devices, their components and data items.
 * Only what the platform needs is kept: ids, names, types and categories.
 */
public record DeviceModel(String instanceId, String version, List<Device> devices) implements MtConnectDocument {

    public DeviceModel {
        devices = List.copyOf(devices);
    }

    /** Every data item of every device, by id. */
    public Map<String, DataItem> dataItems() {
        Map<String, DataItem> items = new LinkedHashMap<>();
        devices.forEach(device -> device.allDataItems().forEach(item -> items.put(item.id(), item)));
        return items;
    }

    public Optional<DataItem> dataItem(String id) {
        return Optional.ofNullable(dataItems().get(id));
    }

    /** A device (or the agent's own {@code Agent} device in 2.x) with its data items and components. */
    public record Device(String id, String name, String uuid, List<DataItem> dataItems, List<Component> components) {

        public Device {
            dataItems = List.copyOf(dataItems);
            components = List.copyOf(components);
        }

        /** Its own data items and those of its components, depth first. */
        public List<DataItem> allDataItems() {
            List<DataItem> all = new ArrayList<>(dataItems);
            components.forEach(component -> component.collect(all));
            return all;
        }
    }

    /** A component ({@code type} is its element name: Axes, Linear, Controller, Path, ...). */
    public record Component(String type, String id, String name, List<DataItem> dataItems, List<Component> components) {

        public Component {
            dataItems = List.copyOf(dataItems);
            components = List.copyOf(components);
        }

        void collect(List<DataItem> into) {
            into.addAll(dataItems);
            components.forEach(component -> component.collect(into));
        }
    }

    /** A data item: {@code category} is SAMPLE, EVENT or CONDITION; {@code type} e.g. EXECUTION, PART_COUNT. */
    public record DataItem(String id, String name, String type, String subType, String category, String units) {
    }
}
