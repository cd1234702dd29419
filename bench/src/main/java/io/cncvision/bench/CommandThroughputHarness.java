package io.cncvision.bench;

import io.cncvision.api.characteristic.DefineCharacteristic;
import io.cncvision.api.characteristic.RecordMeasurement;
import io.cncvision.api.value.CharacteristicId;
import io.cncvision.api.value.ChartType;
import io.cncvision.api.value.GaugeId;
import io.cncvision.api.value.Serial;
import io.cncvision.api.value.SourceMessageId;
import io.cncvision.api.value.Specification;
import io.cncvision.app.CncvisionApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * End-to-end throughput of {@code RecordMeasurement}: commands sent through the command gateway by many
 * threads, each acknowledged only once its events are committed (fsync on) to the embedded PostgreSQL.
 * Projections run alongside, as in production.
 *
 * <p>Arguments: {@code threads characteristics warmupSeconds runSeconds runs [--spring.option=value ...]}. Prints one line per run
 * and a summary (median, min, max) of commands/s and events/s.
 */
public final class CommandThroughputHarness {

    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 32;
        int characteristics = args.length > 1 ? Integer.parseInt(args[1]) : 64;
        int warmupSeconds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        int runSeconds = args.length > 3 ? Integer.parseInt(args[3]) : 20;
        int runs = args.length > 4 ? Integer.parseInt(args[4]) : 5;

        Path dataDir = Files.createTempDirectory("cncvision-bench");
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(CncvisionApplication.class)
                .web(WebApplicationType.NONE)
                .run(springArguments(args, dataDir))) {
            CommandGateway gateway = context.getBean(CommandGateway.class);
            JdbcTemplate jdbc = new JdbcTemplate(context.getBean(javax.sql.DataSource.class));
            List<CharacteristicId> ids = new ArrayList<>();
            for (int i = 0; i < characteristics; i++) {
                CharacteristicId id = new CharacteristicId("bench-" + i);
                gateway.sendAndWait(new DefineCharacteristic(id, "PN-BENCH", "Bench diameter " + i,
                        new Specification("mm", 12.0, 11.98, 12.02), 5, ChartType.XBAR_R));
                ids.add(id);
            }
            System.out.printf(Locale.ROOT, "threads=%d characteristics=%d warmup=%ds run=%ds runs=%d cores=%d%n",
                    threads, characteristics, warmupSeconds, runSeconds, runs,
                    Runtime.getRuntime().availableProcessors());
            measure(gateway, jdbc, ids, threads, warmupSeconds, "warmup");
            double[] commandRates = new double[runs];
            double[] eventRates = new double[runs];
            for (int run = 0; run < runs; run++) {
                double[] rates = measure(gateway, jdbc, ids, threads, runSeconds, "run " + (run + 1));
                commandRates[run] = rates[0];
                eventRates[run] = rates[1];
            }
            System.out.printf(Locale.ROOT, "commands/s: median %.0f, min %.0f, max %.0f%n",
                    median(commandRates), min(commandRates), max(commandRates));
            System.out.printf(Locale.ROOT, "events/s:   median %.0f, min %.0f, max %.0f%n",
                    median(eventRates), min(eventRates), max(eventRates));
            reportReadModelLag(jdbc);
        }
        // Axon's timeout janitor is not a daemon thread: end the JVM explicitly once the context is closed.
        System.exit(0);
    }

    private static final AtomicLong SEQUENCE = new AtomicLong();

    /** Arguments after the first five are Spring Boot options, to compare configurations. */
    private static String[] springArguments(String[] args, Path dataDir) {
        List<String> spring = new ArrayList<>(List.of("--cncvision.data-dir=" + dataDir, "--logging.level.root=warn"));
        if (args.length > 5) {
            spring.addAll(Arrays.asList(args).subList(5, args.length));
        }
        System.out.println("spring options: " + spring.subList(2, spring.size()));
        return spring.toArray(String[]::new);
    }

    private static double[] measure(CommandGateway gateway, JdbcTemplate jdbc, List<CharacteristicId> ids,
                                    int threads, int seconds, String label) throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong completed = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        CountDownLatch done = new CountDownLatch(threads);
        long eventsBefore = countEvents(jdbc);
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                while (!stop.get()) {
                    long n = SEQUENCE.incrementAndGet();
                    CharacteristicId id = ids.get(random.nextInt(ids.size()));
                    try {
                        gateway.sendAndWait(new RecordMeasurement(id, 12.0 + random.nextGaussian() * 0.004,
                                new Serial("B-" + n), new GaugeId("bench-gauge"), Instant.now(),
                                new SourceMessageId("bench/" + n)));
                        completed.incrementAndGet();
                    } catch (RuntimeException e) {
                        failed.incrementAndGet();
                    }
                }
                done.countDown();
            }, "sender-" + t);
            worker.start();
        }
        Thread.sleep(seconds * 1000L);
        stop.set(true);
        done.await();
        double elapsed = (System.nanoTime() - start) / 1e9;
        long events = countEvents(jdbc) - eventsBefore;
        double commandRate = completed.get() / elapsed;
        double eventRate = events / elapsed;
        System.out.printf(Locale.ROOT, "%-8s %8d commands %6d failed %8.0f commands/s %8.0f events/s%n",
                label, completed.get(), failed.get(), commandRate, eventRate);
        return new double[] {commandRate, eventRate};
    }

    /** How long after the last command the characteristics read model holds every measurement. */
    private static void reportReadModelLag(JdbcTemplate jdbc) throws InterruptedException {
        Long recorded = jdbc.queryForObject("SELECT count(*) FROM eventstore.events"
                + " WHERE event_type = 'io.cncvision.api.characteristic.MeasurementRecorded'", Long.class);
        long start = System.nanoTime();
        while (true) {
            Long projected = jdbc.queryForObject(
                    "SELECT coalesce(sum(measurement_count), 0) FROM readmodel.characteristic", Long.class);
            if (projected != null && projected.equals(recorded)) {
                break;
            }
            Thread.sleep(20);
        }
        System.out.printf(Locale.ROOT, "read model caught up with %d measurements %.2f s after the last command%n",
                recorded, (System.nanoTime() - start) / 1e9);
    }

    private static long countEvents(JdbcTemplate jdbc) {
        Long max = jdbc.queryForObject("SELECT coalesce(max(global_index), 0) FROM eventstore.events", Long.class);
        return max == null ? 0 : max;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double min(double[] values) {
        return Arrays.stream(values).min().orElse(Double.NaN);
    }

    private static double max(double[] values) {
        return Arrays.stream(values).max().orElse(Double.NaN);
    }
}
