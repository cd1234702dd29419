package io.cncvision.cnc.simulator;

/** A protocol server that serves a simulated lathe: its values, and the offsets written to it. */
public interface SimulatorServer extends AutoCloseable {

    /** Starts serving {@code lathe} on {@code port}; returns once clients can connect. */
    void start(SimulatedLathe lathe, int port) throws Exception;

    /** Where clients connect, e.g. {@code opc.tcp://localhost:4840/cncvision}. */
    String endpoint();

    @Override
    void close();
}
