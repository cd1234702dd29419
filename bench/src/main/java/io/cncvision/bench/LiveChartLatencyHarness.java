package io.cncvision.bench;

import io.cncvision.api.characteristic.DefineCharacteristic;
import io.cncvision.api.characteristic.RecordMeasurement;
import io.cncvision.api.spc.FindSpcChart;
import io.cncvision.api.spc.SpcChartView;
import io.cncvision.api.value.CharacteristicId;
import io.cncvision.api.value.ChartType;
import io.cncvision.api.value.GaugeId;
import io.cncvision.api.value.SourceMessageId;
import io.cncvision.api.value.Specification;
import io.cncvision.app.CncvisionApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Live SPC latency: measurements sent at a fixed rate through the command gateway, and for each one
 * that completes a subgroup, the time until its point reaches a subscriber of the chart query (the
 * subscription the live stream serves from, fed once the read model has committed the point).
 *
 * <p>Arguments: {@code ratePerSecond seconds characteristics subgroupSize}. Prints p50, p90, p99 and max.
 */
public final class LiveChartLatencyHarness {

    public static void main(String[] args) throws Exception {
        int rate = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        int characteristics = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        int subgroupSize = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        Path dataDir = Files.createTempDirectory("cncvision-latency");
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(CncvisionApplication.class)
                .web(WebApplicationType.NONE)
                .run("--cncvision.data-dir=" + dataDir, "--logging.level.root=warn")) {
            CommandGateway commands = context.getBean(CommandGateway.class);
            QueryGateway queries = context.getBean(QueryGateway.class);
            Map<String, Long> sentAt = new ConcurrentHashMap<>();
            Histogram latencyMicros = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
            AtomicLong measuring = new AtomicLong();
            List<SubscriptionQueryResult<SpcChartView, SpcChartView.Update>> subscriptions = new ArrayList<>();
            for (int c = 0; c < characteristics; c++) {
                CharacteristicId id = new CharacteristicId("latency-" + c);
                commands.sendAndWait(new DefineCharacteristic(id, "PN-LAT", "Latency " + c,
                        new Specification("mm", 12.0, 11.9, 12.1), subgroupSize,
                        subgroupSize == 1 ? ChartType.IMR : ChartType.XBAR_R));
                SubscriptionQueryResult<SpcChartView, SpcChartView.Update> subscription = queries.subscriptionQuery(
                        new FindSpcChart(id, Long.MAX_VALUE - 1, null), ResponseTypes.instanceOf(SpcChartView.class),
                        ResponseTypes.instanceOf(SpcChartView.Update.class));
                subscription.updates().subscribe(update -> {
                    if (update.point() == null) {
                        return;
                    }
                    Long sent = sentAt.remove(id.value() + "/" + update.point().subgroup());
                    if (sent != null && measuring.get() > 0) {
                        latencyMicros.recordValue(Math.max(0, (System.nanoTime() - sent) / 1000));
                    }
                });
                subscriptions.add(subscription);
            }
            System.out.printf(Locale.ROOT, "rate=%d/s seconds=%d characteristics=%d subgroupSize=%d cores=%d%n",
                    rate, seconds, characteristics, subgroupSize, Runtime.getRuntime().availableProcessors());

            long intervalNanos = TimeUnit.SECONDS.toNanos(1) / rate;
            long warmup = rate * 10L;
            long total = warmup + (long) rate * seconds;
            long[] counts = new long[characteristics];
            long start = System.nanoTime();
            for (long n = 0; n < total; n++) {
                long due = start + n * intervalNanos;
                long wait;
                while ((wait = due - System.nanoTime()) > 0) {
                    TimeUnit.NANOSECONDS.sleep(Math.min(wait, 200_000));
                }
                if (n == warmup) {
                    latencyMicros.reset();
                    measuring.set(1);
                }
                int c = (int) (n % characteristics);
                long index = ++counts[c];
                String id = "latency-" + c;
                if (index % subgroupSize == 0) {
                    // This measurement completes a subgroup: the clock starts when it is sent.
                    sentAt.put(id + "/" + index / subgroupSize, System.nanoTime());
                }
                commands.send(new RecordMeasurement(new CharacteristicId(id),
                        12.0 + ThreadLocalRandom.current().nextGaussian() * 0.01, null, new GaugeId("lat"),
                        Instant.now(), new SourceMessageId(id + "/" + index)));
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            Thread.sleep(2000);
            System.out.printf(Locale.ROOT, "sent %d measurements in %.1f s (%.0f/s); %d points timed%n",
                    total, elapsed, total / elapsed, latencyMicros.getTotalCount());
            System.out.printf(Locale.ROOT, "send to visible: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    latencyMicros.getValueAtPercentile(50) / 1000.0, latencyMicros.getValueAtPercentile(90) / 1000.0,
                    latencyMicros.getValueAtPercentile(99) / 1000.0, latencyMicros.getMaxValue() / 1000.0);
            subscriptions.forEach(SubscriptionQueryResult::cancel);
        }
        System.exit(0);
    }
}
