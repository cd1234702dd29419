/**
 * OPC-UA machines, with Eclipse Milo: {@link io.cncvision.cnc.opcua.OpcUaConnector} follows a machine
 * through one subscription and writes its tool offsets; {@link io.cncvision.cnc.opcua.OpcUaSimulatorServer}
 * serves the simulated lathe ({@code cncvision simulate opcua}).
 *
 * <p>A machine configured for OPC-UA, here the simulator over SignAndEncrypt:
 * <pre>{@code
 * cncvision:
 *   machines:
 *     - id: lathe-1
 *       name: Simulated lathe
 *       protocol: opcua
 *       endpoint: opc.tcp://localhost:4840/cncvision
 *       options:
 *         security: sign-and-encrypt      # or none
 *         pki-dir: ./data/pki             # our certificate; trust a server by putting its in trusted/certs
 *         # username: operator           # or user-certificate: /path/user.pem + user-key: /path/user.key
 *         # password: secret
 *         publishing-interval-ms: "100"
 *         timeout-ms: "5000"
 *       signals:
 *         - { signal: EXECUTION,     address: "ns=2;s=Lathe/Execution" }
 *         - { signal: PROGRAM,       address: "ns=2;s=Lathe/Program" }
 *         - { signal: PART_ID,       address: "ns=2;s=Lathe/PartId" }   # String: the last part made's serial
 *         - { signal: PART_COUNT,    address: "ns=2;s=Lathe/PartCount" }
 *         - { signal: SPINDLE_SPEED, address: "ns=2;s=Lathe/SpindleSpeed" }
 *         - { signal: SPINDLE_LOAD,  address: "ns=2;s=Lathe/SpindleLoad" }
 *         - { signal: FEED_OVERRIDE, address: "ns=2;s=Lathe/FeedOverride" }
 *         - { signal: ACTIVE_TOOL,   address: "ns=2;s=Lathe/ActiveTool" }
 *         - { signal: AXIS_POSITION, key: X, address: "ns=2;s=Lathe/X" }
 *         - { signal: AXIS_POSITION, key: Z, address: "ns=2;s=Lathe/Z" }
 *         - signal: ALARM                # a node holding NORMAL, WARNING or FAULT
 *           key: COOLANT_LOW
 *           address: "ns=2;s=Lathe/Alarms/COOLANT_LOW"
 *           options: { text: Coolant level low }
 *         - signal: ALARM                # or a boolean node, true while active, raised at options.level
 *           key: DOOR_OPEN
 *           address: "ns=2;s=Machine/DoorOpen"
 *           options: { level: WARNING, text: Door open }
 *         - signal: TOOL_OFFSET          # written with the Write service, then read back
 *           key: T1.wear.x
 *           address: "ns=2;s=Lathe/Offsets/T1.wear.x"
 *           writable: true
 *         - signal: TOOL_OFFSET          # written by calling SetOffset(name, value) on the object, then read back
 *           key: T1.geometry.x
 *           address: "ns=2;s=Lathe/Offsets/T1.geometry.x"
 *           writable: true
 *           options: { method: "ns=2;s=Lathe/SetOffset", object: "ns=2;s=Lathe" }
 * }</pre>
 *
 * <p>Trusting a server: the first SignAndEncrypt connection to a server whose certificate is not in
 * {@code pki-dir/trusted/certs} is refused, and the connector's error names the file Milo saved under
 * {@code pki-dir/rejected}; moving that file into {@code pki-dir/trusted/certs} trusts it, and the
 * next attempt connects without a restart. The server, in turn, must trust the platform's certificate,
 * {@code pki-dir/cncvision-client.der} (created with {@code cncvision-client.p12} on the first connection;
 * the simulator accepts any).
 */
package io.cncvision.cnc.opcua;
