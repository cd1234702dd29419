package io.cncvision.bench;

import io.cncvision.app.store.EmbeddedPostgresLauncher;
import io.cncvision.audit.chain.ChainExtender;
import io.cncvision.audit.chain.ChainVerifier;
import io.cncvision.audit.chain.EventProofs;
import io.cncvision.audit.chain.Verification;
import io.cncvision.audit.key.AuditKeys;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Throughput of {@code cncvision audit verify}'s check ({@link ChainVerifier}) over an event store of realistic
 * rows: measurement events with the platform's metadata, each proved and chained with the platform's own code,
 * on the embedded PostgreSQL as the platform runs it. The store is generated first (direct inserts, not
 * commands: the write path has its own benchmark), then verified several times from a fresh connection.
 *
 * <p>Arguments: {@code events runs [dataDir]}. With a data directory that already holds a generated store, that
 * store is verified again (generation takes minutes). Prints one line per run and the median, min and max of
 * events/s.
 */
public final class AuditVerifyHarness {

    private static final int BATCH = 10_000;
    private static final String[] MIGRATIONS = {"V2026_11_25_0900__event_store.sql", "V2026_11_25_1900__audit_chain.sql"};

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path dataDir = args.length > 2 ? Path.of(args[2]) : Files.createTempDirectory("cncvision-audit-bench");
        boolean generated = Files.isRegularFile(dataDir.resolve("postgres/PG_VERSION"));
        AuditKeys keys = AuditKeys.loadOrCreate(dataDir);
        try (EmbeddedPostgres postgres = EmbeddedPostgresLauncher.start(dataDir.resolve("postgres"), 0)) {
            String url = postgres.getJdbcUrl("postgres", "postgres") + "&reWriteBatchedInserts=true";
            System.out.println("store in " + dataDir + (generated ? " (generated before)" : ""));
            try (Connection connection = DriverManager.getConnection(url)) {
                if (generated) {
                    events = countEvents(connection);
                } else {
                    migrate(connection);
                    Instant start = Instant.now();
                    generate(connection, keys, events);
                    Instant written = Instant.now();
                    long chained = chain(connection, keys);
                    System.out.printf(Locale.ROOT, "generated %,d events in %.1f s, chained %,d in %.1f s; %.0f MB of events%n",
                            events, Duration.between(start, written).toMillis() / 1000.0, chained,
                            Duration.between(written, Instant.now()).toMillis() / 1000.0, tableMegabytes(connection));
                }
            }
            double[] rates = new double[runs];
            for (int run = 0; run < runs; run++) {
                try (Connection connection = DriverManager.getConnection(url)) {
                    ChainVerifier verifier = new ChainVerifier(keys.eventMac(), keys.publicKey());
                    long began = System.nanoTime();
                    Verification verification = verifier.verify(connection, 0);
                    double seconds = (System.nanoTime() - began) / 1e9;
                    if (!verification.intact() || verification.events() != events) {
                        throw new IllegalStateException("the generated store did not verify: " + verification);
                    }
                    rates[run] = events / seconds;
                    System.out.printf(Locale.ROOT, "run %d: %,d events in %.2f s: %,.0f events/s (head %d, last checkpoint %d)%n",
                            run + 1, verification.events(), seconds, rates[run], verification.headIndex(),
                            verification.lastCheckpointIndex());
                }
            }
            Arrays.sort(rates);
            System.out.printf(Locale.ROOT, "events/s median %,.0f (min %,.0f, max %,.0f) over %d runs, cores=%d%n",
                    rates[runs / 2], rates[0], rates[runs - 1], runs, Runtime.getRuntime().availableProcessors());
        }
    }

    private static void migrate(Connection connection) throws IOException, SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String migration : MIGRATIONS) {
                try (InputStream sql = AuditVerifyHarness.class.getResourceAsStream("/db/migration/eventstore/" + migration)) {
                    if (sql == null) {
                        throw new IOException("migration " + migration + " is not on the class path (app's resources)");
                    }
                    statement.execute(new String(sql.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
    }

    /** Measurement events of 64 characteristics as the platform writes them, each batch proved in its transaction. */
    private static void generate(Connection connection, AuditKeys keys, int events) throws SQLException {
        connection.setAutoCommit(false);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long[] sequence = new long[64];
        Instant time = Instant.parse("2026-11-25T06:00:00Z");
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO eventstore.events (event_identifier,"
                + " aggregate_type, aggregate_identifier, sequence_number, event_type, payload_revision, time_stamp,"
                + " payload, meta_data) VALUES (?, 'Characteristic', ?, ?,"
                + " 'io.cncvision.api.characteristic.MeasurementRecorded', '1', ?, ?, ?)")) {
            List<String> batch = new ArrayList<>(BATCH);
            for (int i = 0; i < events; i++) {
                int characteristic = random.nextInt(64);
                String identifier = UUID.randomUUID().toString();
                time = time.plusMillis(7);
                String payload = String.format(Locale.ROOT, "{\"characteristicId\":\"pn1234-bore-%d\",\"serial\":"
                        + "\"SN-%08d\",\"valueMm\":%.4f,\"gaugeId\":\"cam-0%d\",\"observedAt\":\"%s\","
                        + "\"sourceMessageId\":\"vision:cam-0%d:%d\"}", characteristic, i, 12.0 + random.nextGaussian() * 0.004,
                        characteristic % 8, time, characteristic % 8, i);
                String metadata = "{\"principal\":\"camera:cam-0" + characteristic % 8 + "\",\"correlationId\":\""
                        + UUID.randomUUID() + "\",\"causationId\":\"" + UUID.randomUUID() + "\",\"source\":"
                        + "\"adapter:vision/cam-0" + characteristic % 8 + "\",\"modelVersion\":\"ring-gauge-1.3\"}";
                insert.setString(1, identifier);
                insert.setString(2, "pn1234-bore-" + characteristic);
                insert.setLong(3, sequence[characteristic]++);
                insert.setString(4, time.toString());
                insert.setBytes(5, payload.getBytes(StandardCharsets.UTF_8));
                insert.setBytes(6, metadata.getBytes(StandardCharsets.UTF_8));
                insert.addBatch();
                batch.add(identifier);
                if (batch.size() == BATCH || i == events - 1) {
                    insert.executeBatch();
                    EventProofs.prove(connection, batch, keys.eventMac());
                    connection.commit();
                    batch.clear();
                }
            }
        }
        connection.setAutoCommit(true);
    }

    private static long chain(Connection connection, AuditKeys keys) throws SQLException {
        ChainExtender extender = new ChainExtender(keys, Clock.systemUTC(), Duration.ofSeconds(10), BATCH, 1000);
        connection.setAutoCommit(false);
        long chained = 0;
        for (int round; (round = extender.extend(connection)) > 0; ) {
            connection.commit();
            chained += round;
        }
        connection.commit();
        connection.setAutoCommit(true);
        return chained;
    }

    private static int countEvents(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             var count = statement.executeQuery("SELECT count(*) FROM eventstore.events")) {
            count.next();
            return count.getInt(1);
        }
    }

    private static double tableMegabytes(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             var size = statement.executeQuery("SELECT pg_total_relation_size('eventstore.events')")) {
            size.next();
            return size.getLong(1) / 1e6;
        }
    }
}
