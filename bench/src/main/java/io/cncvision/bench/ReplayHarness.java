package io.cncvision.bench;

import com.zaxxer.hikari.HikariDataSource;
import io.cncvision.api.characteristic.CharacteristicDefined;
import io.cncvision.api.characteristic.MeasurementRecorded;
import io.cncvision.api.characteristic.PlottedPoint;
import io.cncvision.api.characteristic.SubgroupCompleted;
import io.cncvision.api.machine.CycleCompleted;
import io.cncvision.api.machine.MachineRegistered;
import io.cncvision.api.part.PartProduced;
import io.cncvision.api.value.CharacteristicId;
import io.cncvision.api.value.ChartType;
import io.cncvision.api.value.GaugeId;
import io.cncvision.api.value.MachineId;
import io.cncvision.api.value.Protocol;
import io.cncvision.api.value.Serial;
import io.cncvision.api.value.SourceMessageId;
import io.cncvision.api.value.Specification;
import io.cncvision.app.CncvisionApplication;
import io.cncvision.app.audit.Replay;
import io.cncvision.app.store.EmbeddedPostgresLauncher;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Time to replay a store of a million events into every read model ({@code ./cncvision audit replay}).
 *
 * <p>The platform starts once on a fresh embedded PostgreSQL to migrate it, and stops. The store is then filled
 * directly, events serialized as the platform serializes them: a plant of machines, characteristics and parts,
 * where each part is produced (PartProduced, CycleCompleted) and measured on three characteristics
 * (MeasurementRecorded, SubgroupCompleted every fifth): the mix of a shop that measures its parts. Then
 * {@link Replay} runs as of now, several times, each into a fresh schema.
 *
 * <p>Arguments: {@code events runs [each]}. Prints each run and the median, min and max; {@code each} then
 * replays each processing group alone, to show where the time goes.
 */
public final class ReplayHarness {

    private static final int MACHINES = 20;
    private static final int CHARACTERISTICS = 200;
    private static final int SUBGROUP_SIZE = 5;
    private static final int MEASURED_PER_PART = 3;

    public static void main(String[] args) throws Exception {
        long events = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path dataDir = Files.createTempDirectory("cncvision-replay-bench");
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(CncvisionApplication.class)
                .web(WebApplicationType.NONE)
                .run("--cncvision.data-dir=" + dataDir, "--logging.level.root=warn")) {
            System.out.println("platform started once to migrate " + dataDir);
        }
        try (EmbeddedPostgres postgres = EmbeddedPostgresLauncher.start(dataDir.resolve("postgres"), 0);
             HikariDataSource dataSource = new HikariDataSource()) {
            dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", EmbeddedPostgresLauncher.DATABASE)
                    + "&reWriteBatchedInserts=true");
            dataSource.setUsername("postgres");
            dataSource.setMaximumPoolSize(10);
            long start = System.nanoTime();
            long stored = fill(dataSource, events);
            System.out.printf(Locale.ROOT, "stored %d events in %.1f s; cores=%d%n", stored,
                    (System.nanoTime() - start) / 1e9, Runtime.getRuntime().availableProcessors());
            new JdbcTemplate(dataSource).execute("VACUUM ANALYZE eventstore.events");
            Replay replay = new Replay(dataSource, Replay.standaloneSerializer(), null, Clock.systemUTC());
            double[] seconds = new double[runs];
            for (int run = 0; run < runs; run++) {
                Replay.Result result = replay.run(Instant.now(), null);
                seconds[run] = result.took().toMillis() / 1000.0;
                System.out.printf(Locale.ROOT, "run %d: %d events into %s in %.1f s (%.0f events/s)%n", run + 1,
                        result.events(), result.schema().name(), seconds[run], result.events() / seconds[run]);
                new JdbcTemplate(dataSource).execute("DROP SCHEMA " + result.schema().name() + " CASCADE");
            }
            if (args.length > 2 && args[2].equals("each")) {
                // where the time goes: each processing group replayed alone
                for (String group : Replay.processingGroups()) {
                    Replay.Result result = replay.run(Instant.now(), group);
                    System.out.printf(Locale.ROOT, "  %s alone: %.1f s%n", group, result.took().toMillis() / 1000.0);
                    new JdbcTemplate(dataSource).execute("DROP SCHEMA " + result.schema().name() + " CASCADE");
                }
            }
            Arrays.sort(seconds);
            System.out.printf(Locale.ROOT, "replay of %d events: median %.1f s, min %.1f s, max %.1f s%n", stored,
                    seconds[seconds.length / 2], seconds[0], seconds[seconds.length - 1]);
        }
        System.exit(0);
    }

    /** Appends the plant's history to the event store, in batches of one transaction each. */
    private static long fill(HikariDataSource dataSource, long events) throws Exception {
        Serializer serializer = Replay.standaloneSerializer();
        Store store = new Store(dataSource, serializer, Instant.now().minusSeconds(events / 1000 + 3600));
        List<CharacteristicId> characteristics = new ArrayList<>();
        for (int m = 0; m < MACHINES; m++) {
            MachineId machine = MachineId.of("mill-" + m);
            store.append("Machine", machine.value(), new MachineRegistered(machine, "Mill " + m, Protocol.OPCUA,
                    "opc.tcp://mill-" + m + ":4840"));
        }
        for (int c = 0; c < CHARACTERISTICS; c++) {
            CharacteristicId id = CharacteristicId.of("pn" + (c / 10) + "-feature-" + c);
            characteristics.add(id);
            store.append("Characteristic", id.value(), new CharacteristicDefined(id, "PN-" + (c / 10), "Feature " + c,
                    new Specification("mm", 12.0, 11.98, 12.02), SUBGROUP_SIZE, ChartType.XBAR_R));
        }
        Map<CharacteristicId, List<Double>> open = new HashMap<>();
        Map<CharacteristicId, Long> subgroups = new HashMap<>();
        long part = 0;
        while (store.count < events) {
            part++;
            Serial serial = Serial.of("SN-" + part);
            MachineId machine = MachineId.of("mill-" + (part % MACHINES));
            Instant at = store.now();
            store.append("Part", serial.value(), new PartProduced(serial, "PN-" + (part % 20), machine, "O1000", "T1",
                    "LOT-" + part / 500, at, SourceMessageId.of("p-" + part)));
            store.append("Machine", machine.value(), new CycleCompleted(machine, "O1000", serial, part / MACHINES,
                    at, SourceMessageId.of("c-" + part)));
            for (int k = 0; k < MEASURED_PER_PART; k++) {
                CharacteristicId id = characteristics.get((int) ((part * MEASURED_PER_PART + k) % CHARACTERISTICS));
                double value = 12.0 + 0.004 * Math.sin(part * 0.37 + k);
                List<Double> values = open.computeIfAbsent(id, x -> new ArrayList<>());
                values.add(value);
                long subgroup = subgroups.getOrDefault(id, 0L) + 1;
                store.append("Characteristic", id.value(), new MeasurementRecorded(id, value, serial,
                        GaugeId.of("cam-" + k), at, SourceMessageId.of("m-" + part + "-" + k), subgroup, null));
                if (values.size() == SUBGROUP_SIZE) {
                    double mean = values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
                    double range = values.stream().mapToDouble(Double::doubleValue).max().orElseThrow()
                            - values.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
                    store.append("Characteristic", id.value(), new SubgroupCompleted(id, subgroup, List.copyOf(values),
                            mean, range, range / 2.326, at, new PlottedPoint(mean, 11.995, 12.005, range)));
                    subgroups.put(id, subgroup);
                    values.clear();
                }
            }
        }
        store.flush();
        return store.count;
    }

    /** Appends events as the JDBC storage engine does, a batch of rows per transaction. */
    private static final class Store {

        private static final int BATCH = 10_000;

        private final HikariDataSource dataSource;
        private final Serializer serializer;
        private final Map<String, Long> sequences = new HashMap<>();
        private final List<Object[]> rows = new ArrayList<>();
        private final byte[] metaData;
        private Instant clock;
        long count;

        Store(HikariDataSource dataSource, Serializer serializer, Instant start) {
            this.dataSource = dataSource;
            this.serializer = serializer;
            this.clock = start;
            this.metaData = serializer.serialize(MetaData.with("principal", "bench").and("source", "replay-harness"),
                    byte[].class).getData();
        }

        /** One millisecond a event: a million events span about seventeen minutes of the plant. */
        Instant now() {
            return clock;
        }

        void append(String type, String aggregate, Object payload) throws Exception {
            long sequence = sequences.merge(aggregate, 1L, Long::sum) - 1;
            SerializedObject<byte[]> serialized = serializer.serialize(payload, byte[].class);
            clock = clock.plusMillis(1);
            rows.add(new Object[]{UUID.randomUUID().toString(), aggregate, sequence, type,
                    serialized.getType().getName(), serialized.getType().getRevision(),
                    DateTimeUtils.formatInstant(clock), serialized.getData()});
            count++;
            if (rows.size() == BATCH) {
                flush();
            }
        }

        void flush() throws Exception {
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement insert = connection.prepareStatement("""
                         INSERT INTO eventstore.events (event_identifier, aggregate_identifier, sequence_number,
                             aggregate_type, event_type, payload_revision, time_stamp, payload, meta_data)
                         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                         """)) {
                connection.setAutoCommit(false);
                for (Object[] row : rows) {
                    for (int i = 0; i < row.length; i++) {
                        insert.setObject(i + 1, row[i]);
                    }
                    insert.setBytes(9, metaData);
                    insert.addBatch();
                }
                insert.executeBatch();
                connection.commit();
            }
            rows.clear();
        }
    }
}
