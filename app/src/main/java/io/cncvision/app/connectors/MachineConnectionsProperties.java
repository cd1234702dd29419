package io.cncvision.app.connectors;

import io.cncvision.api.value.MachineId;
import io.cncvision.api.value.Protocol;
import io.cncvision.cnc.MachineConnection;
import io.cncvision.cnc.MachineSignal;
import io.cncvision.cnc.PartNumbers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The machines this instance connects to, under {@code cncvision.machines}, and the command buffer
 * connectors share ({@code cncvision.connectors.buffer}, commands held while the platform cannot take them).
 *
 * <pre>
 * cncvision:
 *   connectors:
 *     buffer: 100000
 *   machines:
 *     - id: lathe-1
 *       name: Okuma LB3000 cell 4
 *       protocol: opcua
 *       endpoint: opc.tcp://10.0.4.21:4840
 *       options: {security: sign-and-encrypt, username: cncvision, password: ${LATHE1_PASSWORD}}
 *       part-number: PN-1234                  # what its parts are, unless the program says otherwise
 *       part-numbers: {O5678: PN-5678}
 *       signals:
 *         - {signal: EXECUTION, address: "ns=2;s=Lathe/Execution"}
 *         - {signal: PART_ID, address: "ns=2;s=Lathe/PartId"}
 *         - {signal: PART_COUNT, address: "ns=2;s=Lathe/PartCount"}
 *         - {signal: TOOL_OFFSET, key: T1.wear.x, address: "ns=2;s=Lathe/Offsets/T1.wear.x", writable: true}
 * </pre>
 */
@ConfigurationProperties("cncvision")
public record MachineConnectionsProperties(List<Machine> machines, Connectors connectors) {

    public MachineConnectionsProperties {
        machines = machines == null ? List.of() : List.copyOf(machines);
        connectors = connectors == null ? new Connectors(null) : connectors;
    }

    /** Settings all connectors share. */
    public record Connectors(Integer buffer) {

        public Connectors {
            buffer = buffer == null ? 100_000 : buffer;
            if (buffer < 1) {
                throw new IllegalArgumentException("cncvision.connectors.buffer must be at least 1, not " + buffer);
            }
        }
    }

    /**
     * One machine as configured. {@code partNumber} (the machine's default) and {@code partNumbers} (by
     * program) say what its parts are, so a part it names by its serial is recorded as produced.
     */
    public record Machine(String id, String name, String protocol, String endpoint, Map<String, String> options,
                          List<Signal> signals, Duration initialBackoff, Duration maximumBackoff, String partNumber,
                          Map<String, String> partNumbers) {

        /** The machine's part numbers; refuses a blank or overlong one, naming the machine and the field. */
        PartNumbers toPartNumbers(int index) {
            try {
                return new PartNumbers(partNumber, partNumbers);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("cncvision.machines[" + index + "]" + (id == null ? "" : " (" + id + ")")
                        + "." + e.getMessage(), e);
            }
        }

        MachineConnection toConnection(int index) {
            String where = "cncvision.machines[" + index + "]";
            if (id == null) {
                throw new IllegalArgumentException(where + ".id is required");
            }
            if (protocol == null) {
                throw new IllegalArgumentException(where + ".protocol is required (opcua, modbus or mtconnect)");
            }
            try {
                List<MachineConnection.SignalMapping> mappings = signals == null ? List.of()
                        : signals.stream().map(Signal::toMapping).toList();
                return new MachineConnection(MachineId.of(id), name, Protocol.fromCode(protocol), endpoint, options,
                        mappings, initialBackoff, maximumBackoff);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + " (" + id + "): " + e.getMessage(), e);
            }
        }
    }

    /** One address and the signal it carries. */
    public record Signal(String signal, String key, String address, Boolean writable, Map<String, String> options) {

        MachineConnection.SignalMapping toMapping() {
            if (signal == null) {
                throw new IllegalArgumentException("a signal mapping needs its signal, one of "
                        + List.of(MachineSignal.values()));
            }
            MachineSignal parsed;
            try {
                parsed = MachineSignal.valueOf(signal.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("signal '" + signal + "' is not one of " + List.of(MachineSignal.values()),
                        e);
            }
            return new MachineConnection.SignalMapping(parsed, key, address, Boolean.TRUE.equals(writable), options);
        }
    }

    /**
     * {@code connection} as the Spring Boot options that configure it as machine {@code index}, the way an
     * integrator's YAML would: for a simulated shop floor started beside the platform.
     */
    public static List<String> arguments(int index, MachineConnection connection) {
        List<String> arguments = new java.util.ArrayList<>();
        String machine = "--cncvision.machines[" + index + "].";
        arguments.add(machine + "id=" + connection.machine().value());
        arguments.add(machine + "name=" + connection.name());
        arguments.add(machine + "protocol=" + connection.protocol().code());
        arguments.add(machine + "endpoint=" + connection.endpoint());
        connection.options().forEach((key, value) -> arguments.add(machine + "options." + key + "=" + value));
        for (int i = 0; i < connection.signals().size(); i++) {
            MachineConnection.SignalMapping mapping = connection.signals().get(i);
            String signal = machine + "signals[" + i + "].";
            arguments.add(signal + "signal=" + mapping.signal().name());
            if (mapping.key() != null) {
                arguments.add(signal + "key=" + mapping.key());
            }
            arguments.add(signal + "address=" + mapping.address());
            arguments.add(signal + "writable=" + mapping.writable());
            // option values may hold commas (enumerations): bracket the key so Spring binds it whole
            mapping.options().forEach((key, value) -> arguments.add(signal + "options[" + key + "]=" + value));
        }
        return arguments;
    }
}
