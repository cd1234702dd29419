package io.cncvision.app.cli;

import io.cncvision.cnc.modbus.ModbusSimulatorServer;
import io.cncvision.cnc.mtconnect.MtConnectAgentServer;
import io.cncvision.cnc.opcua.OpcUaSimulatorServer;
import io.cncvision.cnc.simulator.SimulatedLathe;
import io.cncvision.cnc.simulator.SimulatorServer;
import io.cncvision.app.simulation.LatheCamera;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code cncvision simulate opcua|modbus|mtconnect}: a simulated lathe turning rings, served over one
 * protocol until stopped, for integrators to try a connection and for the demo and tests. The OPC-UA
 * simulator keeps its certificate in {@code ./data/simulator/opcua}, so a platform trusts it once.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Serve a simulated lathe (cycles, part count and the serial of each part made, spindle load,",
                "alarms now and then, tool wear that makes the bore grow, writable tool offsets) over OPC-UA,",
                "Modbus TCP or MTConnect."})
public class SimulateCommand implements Callable<Integer> {

    @Parameters(paramLabel = "PROTOCOL", description = "opcua, modbus or mtconnect")
    String protocol;

    @Option(names = "--port", paramLabel = "P",
            description = "Port to serve on (default: opcua 4840, modbus 5020, mtconnect 5000).")
    Integer port;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Seed of the lathe's randomness (default 1).")
    long seed;

    @Option(names = "--speed", paramLabel = "X", defaultValue = "1",
            description = "How many times faster than real time parts are made (default 1); times stay the wall clock's.")
    double speed;

    @Option(names = "--camera-folder", paramLabel = "DIR",
            description = "Also photograph each part made (bore as made, serial as a DataMatrix) into DIR, for a camera"
                    + " watching that folder; " + LatheCamera.MM_PER_PIXEL + " mm a pixel.")
    Path cameraFolder;

    @Option(names = "--defects", paramLabel = "DIR", description = "Defect images, one of which a photographed part"
            + " shows now and then (e.g. ../shared/data/vision/neu-det-train); without it, scratches are drawn.")
    Path defects;

    @Option(names = "--defect-rate", paramLabel = "R", defaultValue = "0.05",
            description = "Share of photographed parts that show a defect (default 0.05).")
    double defectRate;

    @Override
    public Integer call() throws Exception {
        if (!(speed > 0) || Double.isInfinite(speed)) {
            System.err.println("cncvision simulate: --speed must be above 0, not " + speed);
            return 2;
        }
        SimulatorServer server = server(protocol);
        if (server == null) {
            System.err.println("cncvision simulate: protocol must be opcua, modbus or mtconnect, not '" + protocol + "'");
            return 2;
        }
        // the lathe's times are the wall clock's, whatever the speed its parts are made at
        SimulatedLathe lathe = SimulatedLathe.onWallClock(seed, Clock.systemUTC());
        server.start(lathe, port == null ? defaultPort(protocol) : port);
        System.out.println("simulated lathe (seed " + seed + ") serving " + server.endpoint());
        System.out.println("its parts are named " + SimulatedLathe.partSerial(seed, 1) + ", "
                + SimulatedLathe.partSerial(seed, 2) + ", ... (signal PART_ID)");
        if (cameraFolder != null) {
            Files.createDirectories(cameraFolder);
            new LatheCamera(seed, defects, defectRate).watch(lathe,
                    (serial, frame) -> LatheCamera.write(cameraFolder, serial, frame));
            System.out.println("photographing each part into " + cameraFolder.toAbsolutePath());
        }
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        Duration tick = Duration.ofMillis(100);
        Duration simulated = Duration.ofNanos((long) (tick.toNanos() * speed));
        clock.scheduleAtFixedRate(() -> lathe.advance(simulated), tick.toMillis(), tick.toMillis(), TimeUnit.MILLISECONDS);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            clock.shutdownNow();
            server.close();
            stopped.countDown();
        }));
        stopped.await();
        return 0;
    }

    /** The server of {@code protocol}, null for a protocol the simulator does not speak. */
    static SimulatorServer server(String protocol) {
        SimulatorServer server = switch (protocol) {
            case "modbus" -> new ModbusSimulatorServer();
            case "mtconnect" -> new MtConnectAgentServer();
            case "opcua" -> new OpcUaSimulatorServer(Path.of("data", "simulator", "opcua"));
            default -> null;
        };
        return server;
    }

    static int defaultPort(String protocol) {
        return switch (protocol) {
            case "opcua" -> 4840;
            case "modbus" -> 5020;
            default -> 5000;
        };
    }
}
