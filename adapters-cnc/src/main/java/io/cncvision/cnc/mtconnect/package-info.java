/**
 * MTConnect: StAX parsers of the agent's documents (MTConnectDevices, MTConnectStreams, MTConnectError,
 * assets), the agent client ({@code /probe}, {@code /current}, {@code /sample} streaming with sequence
 * tracking), the SHDR adapter input, and the simulator's agent. MTConnect is read-only: a tool-offset
 * correction for an MTConnect-only machine becomes an operator task. Mapping addresses are data item ids
 * (agent) or SHDR keys (SHDR).
 */
package io.cncvision.cnc.mtconnect;
