/**
 * Modbus TCP (j2mod): {@link io.cncvision.cnc.modbus.ModbusConnector} polls a machine's register map, and
 * {@link io.cncvision.cnc.modbus.ModbusSimulatorServer} serves the simulated lathe.
 *
 * <h2>Addresses</h2>
 * A signal's address names the Modbus table and the zero-based offset of its first register or bit, as it
 * goes on the wire (the PDU address, not the 1-based "40001" numbering of some manuals):
 * <ul>
 *   <li>{@code holding:100}: holding register 100 (function 3 to read, 6 or 16 to write)</li>
 *   <li>{@code input:30}: input register 30 (function 4)</li>
 *   <li>{@code coil:5}: coil 5 (function 1)</li>
 *   <li>{@code discrete:7}: discrete input 7 (function 2)</li>
 *   <li>{@code holding:40[8]}: a run of 8 holding (or input) registers from 40, read in one request: text</li>
 * </ul>
 *
 * <h2>Signal options</h2>
 * <ul>
 *   <li>{@code type}: {@code int16}, {@code uint16} (default), {@code int32}, {@code uint32} or
 *       {@code float32} (IEEE 754); the 32-bit types take two registers from the address on. Ignored for
 *       coils and discrete inputs, which read as 0 or 1. {@code ascii} (the default for a run) is text for
 *       PART_ID or PROGRAM in a run of registers: two characters a register, high byte first, up to the first
 *       NUL, trailing spaces trimmed. A PART_ID in a numeric register reads as its digits.</li>
 *   <li>{@code words}: {@code big} (default: the first register holds the high word, as Modbus itself
 *       orders bytes) or {@code little} (the first register holds the low word).</li>
 *   <li>{@code scale} (default 1) and {@code offset} (default 0): the signal's value is
 *       {@code register value * scale + offset}; a written offset is converted back the inverse way.</li>
 *   <li>{@code values}: for EXECUTION (required) and PROGRAM, the texts of register values, e.g.
 *       {@code "0=READY,1=ACTIVE,2=STOPPED"}. A value not listed is logged and not reported.</li>
 *   <li>For ALARM (keyed by the alarm code), a coil, discrete input or register whose nonzero value means
 *       the alarm is active: {@code level} {@code WARNING} or {@code FAULT} (default), and {@code text}
 *       (default: the key). Zero reports the alarm NORMAL (cleared).</li>
 * </ul>
 * Only TOOL_OFFSET mappings may be writable, and only in holding registers.
 *
 * <h2>Connection options</h2>
 * {@code unit-id} (default 1), {@code poll-interval} in ms (default 100), {@code timeout} in ms for an
 * answer (default 1000) and {@code retries} of a request before the connection is given up and reopened
 * with backoff (default 1). The endpoint is {@code host:port} (port default 502).
 */
package io.cncvision.cnc.modbus;
