/**
 * Machine connectors behind one MachineConnector API, one package per protocol (OPC-UA with Eclipse Milo, Modbus TCP with j2mod, MTConnect), and a simulated machine that speaks all three. Connectors turn what machines report into commands carrying a source message id.
 */
package io.cncvision.cnc;
