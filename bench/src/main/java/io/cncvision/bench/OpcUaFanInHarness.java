package io.cncvision.bench;

import io.cncvision.api.machine.RegisterMachine;
import io.cncvision.api.value.MachineId;
import io.cncvision.api.value.Protocol;
import io.cncvision.app.CncvisionApplication;
import io.cncvision.cnc.CommandDispatcher;
import io.cncvision.cnc.ConnectionState;
import io.cncvision.cnc.MachineEventTranslator;
import io.cncvision.cnc.Observation;
import io.cncvision.cnc.ObservationSink;
import io.cncvision.cnc.opcua.OpcUaConnector;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Fan-in: one platform process follows many machines over OPC-UA. A Milo server with {@code machines}
 * folders changes each machine's ten signals {@code hz} times a second (execution state and part count
 * too, so commands flow as well as telemetry); one connector per machine, all into one
 * {@link MachineEventTranslator}. Reports observations per second delivered against changes made, the
 * commands dispatched, and the lag from a change's source timestamp to its delivery. Server and
 * platform share the process and its cores, so this is the harder case.
 *
 * <p>Arguments: {@code machines hz seconds runs [publishingIntervalMs] [platform]} (default 50 10 20 3 100).
 * Keeping up means delivered/produced stays near 1 and the lag stays bounded (no backlog growing from run
 * to run). With {@code platform}, the commands are not just counted: the platform runs in the process on
 * a fresh embedded PostgreSQL, every machine is registered, and the translator's commands go through the
 * platform's connector command dispatcher to the command bus and the event store; the figures then add
 * the commands recorded per second and the dispatcher's backlog at the end of each run.
 */
public final class OpcUaFanInHarness {

    public static void main(String[] args) throws Exception {
        int machines = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int hz = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        int runs = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        String publishingMillis = args.length > 4 ? args[4] : "100";
        boolean withPlatform = args.length > 5 && args[5].equals("platform");
        ConfigurableApplicationContext platform = null;
        CommandDispatcher dispatcher = null;
        if (withPlatform) {
            Path dataDir = Files.createTempDirectory("cncvision-fanin");
            platform = new SpringApplicationBuilder(CncvisionApplication.class).web(WebApplicationType.NONE)
                    .run("--cncvision.data-dir=" + dataDir, "--logging.level.root=warn");
            dispatcher = platform.getBean(CommandDispatcher.class);
            CommandGateway gateway = platform.getBean(CommandGateway.class);
            for (int m = 0; m < machines; m++) {
                gateway.sendAndWait(new RegisterMachine(MachineId.of(OpcUaBenchServer.machineId(m)),
                        "Fan-in machine " + m, Protocol.OPCUA, "opc.tcp://localhost"));
            }
        }
        CommandDispatcher platformCommands = dispatcher;
        int signals = OpcUaBenchServer.SIGNALS.size();
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        System.out.printf(Locale.ROOT, "machines=%d signals=%d hz=%d seconds=%d runs=%d publishing=%sms cores=%d%n", machines,
                signals, hz, seconds, runs, publishingMillis, Runtime.getRuntime().availableProcessors());

        AtomicLong delivered = new AtomicLong();
        AtomicLong commands = new AtomicLong();
        AtomicReference<Histogram> lagMicros = new AtomicReference<>(new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(5), 3));
        MachineEventTranslator translator = new MachineEventTranslator(command -> {
            commands.incrementAndGet();
            if (platformCommands != null) {
                platformCommands.dispatch(command);
            }
        }, (machine, observation) -> { });
        ObservationSink counting = new ObservationSink() {
            @Override
            public void observed(MachineId machine, Observation observation) {
                delivered.incrementAndGet();
                long lag = Duration.between(observation.sourceTime(), Instant.now()).toNanos() / 1000;
                lagMicros.get().recordValue(Math.max(0, lag));
                translator.observed(machine, observation);
            }

            @Override
            public void connectionLost(MachineId machine, String reason, Instant at) {
                System.out.println("connection lost: " + machine + ": " + reason);
                translator.connectionLost(machine, reason, at);
            }

            @Override
            public void connectionRestored(MachineId machine, Instant at) {
                translator.connectionRestored(machine, at);
            }
        };

        Path pki = Files.createTempDirectory("cncvision-bench-pki");
        List<OpcUaConnector> connectors = new ArrayList<>();
        List<double[]> results = new ArrayList<>();
        try (OpcUaBenchServer server = new OpcUaBenchServer(machines, port)) {
            for (int m = 0; m < machines; m++) {
                OpcUaConnector connector = new OpcUaConnector(server.connection(m, Map.of(
                        "publishing-interval-ms", publishingMillis, "sampling-interval-ms", "0", "pki-dir", pki.toString())));
                connectors.add(connector);
                connector.start(counting);
            }
            while (connectors.stream().anyMatch(c -> c.state() != ConnectionState.CONNECTED)) {
                Thread.sleep(100);
            }
            Thread.sleep(1000);
            long[] partCounts = new long[machines];
            long tickNanos = TimeUnit.SECONDS.toNanos(1) / hz;
            for (int run = 0; run <= runs; run++) {
                // Run 0 warms up and is not reported.
                int runSeconds = run == 0 ? Math.max(5, seconds / 4) : seconds;
                delivered.set(0);
                commands.set(0);
                long sentBefore = dispatcher == null ? 0 : dispatcher.sent();
                lagMicros.set(new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(5), 3));
                long produced = 0;
                long start = System.nanoTime();
                long next = start;
                for (long tick = 0; tick < (long) runSeconds * hz; tick++) {
                    // Spread the machines over the tick, as real machines are not in step.
                    for (int m = 0; m < machines; m++) {
                        long at = next + tickNanos * m / machines;
                        long wait = at - System.nanoTime();
                        if (wait > 0) {
                            LockSupport.parkNanos(wait);
                        }
                        Instant now = Instant.now();
                        ThreadLocalRandom random = ThreadLocalRandom.current();
                        server.set(m, "Execution", tick % 2 == 0 ? "ACTIVE" : "READY", now);
                        server.set(m, "PartCount", (double) ++partCounts[m], now);
                        for (int s = 2; s < signals; s++) {
                            server.set(m, OpcUaBenchServer.SIGNALS.get(s), random.nextDouble() * 1000, now);
                        }
                        produced += signals;
                    }
                    next += tickNanos;
                }
                double elapsed = (System.nanoTime() - start) / 1e9;
                long deliveredInTime = delivered.get();
                long sentInTime = dispatcher == null ? 0 : dispatcher.sent() - sentBefore;
                int backlog = dispatcher == null ? 0 : dispatcher.buffered();
                Thread.sleep(2000);
                long deliveredAll = delivered.get();
                Histogram lag = lagMicros.get();
                if (run == 0) {
                    continue;
                }
                double[] figures = {produced / elapsed, deliveredInTime / elapsed, (double) deliveredAll / produced,
                        commands.get() / elapsed, lag.getValueAtPercentile(50) / 1000.0, lag.getValueAtPercentile(99) / 1000.0,
                        lag.getMaxValue() / 1000.0, sentInTime / elapsed, backlog};
                results.add(figures);
                System.out.printf(Locale.ROOT, "run %d: produced=%.0f/s delivered=%.0f/s delivered/produced=%.4f "
                                + "commands=%.0f/s lag p50=%.1fms p99=%.1fms max=%.1fms recorded=%.0f/s backlog=%.0f%n", run,
                        figures[0], figures[1], figures[2], figures[3], figures[4], figures[5], figures[6], figures[7],
                        figures[8]);
            }
            // Connectors go before the server, or they would spend the shutdown reconnecting.
            connectors.forEach(OpcUaConnector::close);
        }
        if (dispatcher != null) {
            System.out.printf(Locale.ROOT, "platform: %d commands recorded, %d refused, %d retried, %d overflowed, %d held%n",
                    dispatcher.sent(), dispatcher.refused(), dispatcher.retried(), dispatcher.overflowed(),
                    dispatcher.buffered());
        }
        String[] names = {"produced/s", "delivered/s", "delivered/produced", "commands/s", "lag p50 ms", "lag p99 ms",
                "lag max ms", "recorded/s", "backlog"};
        StringBuilder summary = new StringBuilder("summary over " + runs + " runs (median [min..max]):");
        for (int f = 0; f < names.length; f++) {
            int index = f;
            double[] values = results.stream().mapToDouble(r -> r[index]).sorted().toArray();
            summary.append(String.format(Locale.ROOT, "%n  %s=%.4g [%.4g..%.4g]", names[f], values[values.length / 2],
                    values[0], values[values.length - 1]));
        }
        System.out.println(summary);
        if (platform != null) {
            platform.close();
        }
        System.exit(0);
    }
}
