package io.cncvision.app.simulation;

import io.cncvision.api.value.GaugeId;
import io.cncvision.api.value.MachineId;
import io.cncvision.app.connectors.MachineConnectionsProperties;
import io.cncvision.app.vision.SimulatedCameras;
import io.cncvision.cnc.MachineConnection;
import io.cncvision.cnc.modbus.ModbusSimulatorServer;
import io.cncvision.cnc.opcua.OpcUaSimulatorServer;
import io.cncvision.cnc.simulator.LatheState;
import io.cncvision.cnc.simulator.SimulatedLathe;
import io.cncvision.cnc.simulator.SimulatorServer;
import io.cncvision.vision.camera.FrameSource;
import io.cncvision.vision.camera.SimulatedCamera;
import io.cncvision.vision.render.PartFrame;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's shop floor: simulated lathes, each served over a real protocol on a port of its own (OPC-UA for
 * the first, then Modbus TCP, in turn), and a simulated camera at each one's outfeed that photographs every
 * part the lathe makes, as the lathe made it. The platform connects to them as to any machine and camera: it
 * is configured with their endpoints ({@link #springArguments}) and knows nothing else of them.
 */
public final class DemoPlant implements SimulatedCameras, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DemoPlant.class);
    /** Parts waiting in front of a camera; a camera further behind loses parts, and says so. */
    static final int CAMERA_BACKLOG = 32;
    static final Duration TICK = Duration.ofMillis(50);

    /** One lathe, the server it is reached through, and the camera at its outfeed. */
    public record Station(MachineId machine, GaugeId camera, SimulatedLathe lathe, SimulatorServer server,
                          MachineConnection connection, SimulatedCamera<LatheState> simulatedCamera) {
    }

    private final List<Station> stations;
    private final double speed;
    private final AtomicLong partsNotPhotographed = new AtomicLong();
    private final java.util.Set<MachineId> stopped = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private ScheduledExecutorService ticking;

    private DemoPlant(List<Station> stations, double speed) {
        this.stations = stations;
        this.speed = speed;
    }

    /**
     * Starts {@code machines} lathes making parts {@code speed} times faster than real time (not before
     * {@link #run}), from {@code seed}; their cameras show a defect from {@code defects} (or a drawn scratch,
     * without) on {@code defectRate} of the parts.
     */
    public static DemoPlant start(int machines, double speed, long seed, Path defects, double defectRate, Clock clock)
            throws Exception {
        List<Station> stations = new ArrayList<>();
        try {
            for (int i = 1; i <= machines; i++) {
                MachineId machine = MachineId.of("lathe-" + i);
                long latheSeed = seed * 1000 + i;
                SimulatedLathe lathe = SimulatedLathe.onWallClock(latheSeed, clock);
                boolean opcua = i % 2 == 1;
                SimulatorServer server = opcua ? new OpcUaSimulatorServer(null) : new ModbusSimulatorServer();
                int port = freePort();
                server.start(lathe, port);
                MachineConnection connection = opcua
                        ? OpcUaSimulatorServer.connection(machine, server.endpoint(), Map.of("security", "none"))
                        : ModbusSimulatorServer.connection(machine, "127.0.0.1", port);
                LatheCamera photographer = new LatheCamera(latheSeed, defects, defectRate);
                SimulatedCamera<LatheState> camera = new SimulatedCamera<>("at " + machine, photographer::frame,
                        CAMERA_BACKLOG, clock);
                stations.add(new Station(machine, GaugeId.of("cam-" + i), lathe, server, connection, camera));
            }
        } catch (Exception e) {
            stations.forEach(station -> station.server().close());
            throw e;
        }
        DemoPlant plant = new DemoPlant(List.copyOf(stations), speed);
        for (Station station : stations) {
            plant.photographEachPart(station);
        }
        return plant;
    }

    private void photographEachPart(Station station) {
        AtomicLong lastCount = new AtomicLong(station.lathe().state().partCount());
        station.lathe().onChange(state -> {
            if (state.partCount() > lastCount.get()) {
                lastCount.set(state.partCount());
                if (!station.simulatedCamera().show(state)) {
                    partsNotPhotographed.incrementAndGet();
                    log.warn("camera {}: {} parts wait already; part {} of {} goes unphotographed", station.camera(),
                            CAMERA_BACKLOG, state.partCount(), station.machine());
                }
            }
        });
    }

    public List<Station> stations() {
        return stations;
    }

    /** Parts made while their camera was too far behind to photograph them. */
    public long partsNotPhotographed() {
        return partsNotPhotographed.get();
    }

    /** The operator stops a machine put on quality hold: it makes no more parts. */
    public void stop(MachineId machine) {
        stations.stream().filter(station -> station.machine().equals(machine)).findFirst().ifPresent(station -> {
            if (stopped.add(machine)) {
                log.info("{} is on quality hold: its operator stops it", machine);
            }
        });
    }

    /** Starts the lathes making parts. */
    public synchronized void run() {
        if (ticking != null) {
            return;
        }
        ticking = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "demo-lathes");
            thread.setDaemon(true);
            return thread;
        });
        Duration simulated = Duration.ofNanos((long) (TICK.toNanos() * speed));
        ticking.scheduleAtFixedRate(() -> stations.stream().filter(station -> !stopped.contains(station.machine()))
                        .forEach(station -> station.lathe().advance(simulated)),
                TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public Optional<FrameSource> camera(String location) {
        return stations.stream().filter(station -> station.machine().value().equals(location)).findFirst()
                .map(Station::simulatedCamera);
    }

    /**
     * The platform's configuration of this shop floor, as Spring Boot options: each machine's connection and part
     * number, and each camera, watching its machine's outfeed and feeding its bore's characteristic.
     */
    public List<String> springArguments() {
        List<String> arguments = new ArrayList<>();
        for (int m = 0; m < stations.size(); m++) {
            Station station = stations.get(m);
            arguments.addAll(MachineConnectionsProperties.arguments(m, station.connection()));
            arguments.add("--cncvision.machines[" + m + "].part-number=" + DemoDirector.PART_NUMBER);
            String camera = "--cncvision.vision.cameras[" + m + "].";
            arguments.add(camera + "id=" + station.camera().value());
            arguments.add(camera + "name=Outfeed of " + station.machine().value());
            arguments.add(camera + "source=simulated");
            arguments.add(camera + "location=" + station.machine().value());
            arguments.add(camera + "machine=" + station.machine().value());
            arguments.add(camera + "offline-after=30s");
            arguments.add(camera + "characteristics.bore-diameter=" + DemoDirector.boreOf(station.machine()).value());
        }
        arguments.add("--cncvision.vision.inspection.recipe=ring");
        arguments.add("--cncvision.vision.inspection.code-region=" + region(PartFrame.CODE_REGION));
        arguments.add("--cncvision.vision.inspection.surface-region=" + region(PartFrame.SURFACE_REGION));
        return arguments;
    }

    private static String region(java.awt.Rectangle r) {
        return r.x + "," + r.y + "," + r.width + "," + r.height;
    }

    @Override
    public synchronized void close() {
        if (ticking != null) {
            ticking.shutdownNow();
        }
        for (Station station : stations) {
            try {
                station.server().close();
            } catch (RuntimeException e) {
                log.warn("the simulator of {} did not close cleanly", station.machine(), e);
            }
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
