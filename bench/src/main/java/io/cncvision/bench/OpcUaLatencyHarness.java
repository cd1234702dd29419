package io.cncvision.bench;

import io.cncvision.api.machine.ReportMachineState;
import io.cncvision.cnc.MachineEventTranslator;
import io.cncvision.cnc.opcua.OpcUaConnector;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * OPC-UA value change to command dispatched: a Milo server sets a machine's execution state (ACTIVE and
 * READY in turn, each a state change), our connector's subscription (publishing interval 10 ms, the
 * server's minimum; sampling interval 0) hears it, the {@link MachineEventTranslator} turns it into
 * {@link ReportMachineState}, and the time from the server's write to that command reaching the command
 * consumer is recorded. Server and connector share the process and its cores.
 *
 * <p>Arguments: {@code changes ratePerSecond runs [publishingIntervalMs]}. Prints p50, p90, p99 and max
 * per run, then the median and range over runs.
 */
public final class OpcUaLatencyHarness {

    public static void main(String[] args) throws Exception {
        int changes = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        String publishingMillis = args.length > 3 ? args[3] : "10";
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        System.out.printf(Locale.ROOT, "changes=%d rate=%d/s runs=%d publishing=%sms cores=%d%n", changes, rate, runs,
                publishingMillis, Runtime.getRuntime().availableProcessors());
        Map<String, Long> writtenAt = new ConcurrentHashMap<>();
        AtomicReference<Histogram> recording = new AtomicReference<>();
        MachineEventTranslator translator = new MachineEventTranslator(command -> {
            long now = System.nanoTime();
            if (command instanceof ReportMachineState state) {
                Long written = writtenAt.remove(state.sourceMessageId().value());
                Histogram histogram = recording.get();
                if (written != null && histogram != null) {
                    histogram.recordValue(Math.max(0, (now - written) / 1000));
                }
            }
        }, (machine, observation) -> { });
        List<double[]> results = new ArrayList<>();
        try (OpcUaBenchServer server = new OpcUaBenchServer(1, port);
             OpcUaConnector connector = new OpcUaConnector(server.connection(0, Map.of(
                     "publishing-interval-ms", publishingMillis, "sampling-interval-ms", "0",
                     "pki-dir", Files.createTempDirectory("cncvision-bench-pki").toString())))) {
            connector.start(translator);
            while (connector.state() != io.cncvision.cnc.ConnectionState.CONNECTED) {
                Thread.sleep(50);
            }
            Thread.sleep(500);
            Instant clock = Instant.parse("2026-01-01T00:00:00Z");
            long sequence = 0;
            for (int run = 0; run <= runs; run++) {
                // Run 0 warms up (JIT, buffers) and is not reported.
                Histogram histogram = new Histogram(TimeUnit.SECONDS.toMicros(10), 3);
                recording.set(histogram);
                long interval = TimeUnit.SECONDS.toNanos(1) / rate;
                long next = System.nanoTime();
                int count = run == 0 ? Math.max(200, changes / 5) : changes;
                for (int i = 0; i < count; i++) {
                    next += interval;
                    long wait = next - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    Instant sourceTime = clock.plusMillis(++sequence);
                    String value = sequence % 2 == 0 ? "READY" : "ACTIVE";
                    writtenAt.put(OpcUaBenchServer.node(0, "Execution") + "@" + sourceTime, System.nanoTime());
                    server.set(0, "Execution", value, sourceTime);
                }
                Thread.sleep(1000);
                long lost = writtenAt.size();
                writtenAt.clear();
                if (run == 0) {
                    continue;
                }
                double[] figures = {histogram.getValueAtPercentile(50) / 1000.0, histogram.getValueAtPercentile(90) / 1000.0,
                        histogram.getValueAtPercentile(99) / 1000.0, histogram.getMaxValue() / 1000.0};
                results.add(figures);
                System.out.printf(Locale.ROOT, "run %d: n=%d unmatched=%d p50=%.2fms p90=%.2fms p99=%.2fms max=%.2fms%n", run,
                        histogram.getTotalCount(), lost, figures[0], figures[1], figures[2], figures[3]);
            }
        }
        String[] names = {"p50", "p90", "p99", "max"};
        StringBuilder summary = new StringBuilder("summary over " + runs + " runs (median [min..max]):");
        for (int f = 0; f < names.length; f++) {
            int index = f;
            double[] values = results.stream().mapToDouble(r -> r[index]).sorted().toArray();
            summary.append(String.format(Locale.ROOT, " %s=%.2fms [%.2f..%.2f]", names[f], values[values.length / 2],
                    values[0], values[values.length - 1]));
        }
        System.out.println(summary);
        System.exit(0);
    }
}
