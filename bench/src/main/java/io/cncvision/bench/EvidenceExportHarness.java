package io.cncvision.bench;

import io.cncvision.api.characteristic.CharacteristicDefined;
import io.cncvision.api.characteristic.CompensationConcluded;
import io.cncvision.api.characteristic.ControlLimitsEstablished;
import io.cncvision.api.characteristic.CorrectionProposed;
import io.cncvision.api.characteristic.MeasurementRecorded;
import io.cncvision.api.characteristic.OutOfControlSignalled;
import io.cncvision.api.characteristic.SubgroupCompleted;
import io.cncvision.api.gauge.GaugeCalibrationCertified;
import io.cncvision.api.gauge.GaugeRegistered;
import io.cncvision.api.nonconformance.ContainmentApplied;
import io.cncvision.api.nonconformance.DispositionSigned;
import io.cncvision.api.nonconformance.NonConformanceOpened;
import io.cncvision.api.part.PartInspected;
import io.cncvision.api.part.PartProduced;
import io.cncvision.app.audit.EvidencePackExport;
import io.cncvision.app.store.EmbeddedPostgresLauncher;
import io.cncvision.audit.evidence.EvidencePackWriter;
import io.cncvision.audit.evidence.EvidencePeriod;
import io.cncvision.audit.key.AuditKeys;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;

/**
 * Evidence pack export over a large store: fills {@code eventstore.events} of a fresh embedded PostgreSQL with
 * realistic serialized events (parts produced and inspected, measurements on four characteristics, subgroups, a signal
 * and its reaction every thousand parts, a nonconformance every five thousand, gauge certificates), written straight
 * with COPY as the platform would have stored them, then times {@code EvidencePackExport} over the whole period.
 *
 * <p>Arguments: {@code events runs}. Prints each run, then median, min and max, and the pack's size.
 */
public final class EvidenceExportHarness {

    private static final String[] CHARACTERISTICS = {"pn1234-bore", "pn1234-od", "pn1234-length", "pn1234-face"};
    private static final Instant START = Instant.parse("2026-10-01T00:00:00Z");

    private final Map<String, Long> sequences = new HashMap<>();
    private final StringBuilder copy = new StringBuilder(1 << 24);
    private long written;
    private long millis;

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path dataDir = Files.createTempDirectory("cncvision-export-bench");
        Path pgData = Files.createDirectories(dataDir.resolve("postgres"));
        try (EmbeddedPostgres postgres = EmbeddedPostgresLauncher.start(pgData, 0)) {
            try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE cncvision");
            }
            DataSource dataSource = postgres.getDatabase("postgres", "cncvision");
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/eventstore").load().migrate();
            long fillStart = System.nanoTime();
            Instant end = new EvidenceExportHarness().fill(dataSource, events);
            System.out.printf("filled %,d events in %.1f s%n", events, (System.nanoTime() - fillStart) / 1e9);
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                s.execute("VACUUM ANALYZE eventstore.events");
            }
            EvidencePackExport export = new EvidencePackExport(dataSource, AuditKeys.loadOrCreate(dataDir),
                    Clock.systemUTC());
            EvidencePeriod period = new EvidencePeriod(START, end);
            List<Double> seconds = new ArrayList<>();
            Path pack = dataDir.resolve("pack.zip");
            for (int run = 0; run <= runs; run++) {
                long begin = System.nanoTime();
                EvidencePackWriter.PackSummary summary;
                try (OutputStream out = Files.newOutputStream(pack)) {
                    summary = export.write(period, out);
                }
                double elapsed = (System.nanoTime() - begin) / 1e9;
                System.out.printf("%s %d: %.2f s, %,d events in the period, %,d files, %,d bytes%n",
                        run == 0 ? "warm-up" : "run", run, elapsed, summary.eventsInPeriod(), summary.files(),
                        Files.size(pack));
                if (run > 0) {
                    seconds.add(elapsed);
                }
            }
            seconds.sort(Double::compare);
            System.out.printf("export of %,d events: median %.2f s (min %.2f, max %.2f) over %d runs%n", events,
                    seconds.get(seconds.size() / 2), seconds.get(0), seconds.get(seconds.size() - 1), runs);
        }
    }

    private Instant fill(DataSource dataSource, int events) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            PGConnection pg = connection.unwrap(PGConnection.class);
            event(GaugeRegistered.class, "cam-1", "{\"gaugeId\":\"cam-1\",\"kind\":\"CAMERA\",\"name\":\"Camera 1\"}");
            event(GaugeRegistered.class, "mic-1", "{\"gaugeId\":\"mic-1\",\"kind\":\"MICROMETER\",\"name\":\"Micrometer 1\"}");
            for (String id : CHARACTERISTICS) {
                event(CharacteristicDefined.class, id, "{\"characteristicId\":\"" + id + "\",\"partNumber\":\"PN-1234\","
                        + "\"name\":\"" + id + "\",\"specification\":{\"unit\":\"mm\",\"nominal\":12.0,\"lsl\":11.98,"
                        + "\"usl\":12.02},\"subgroupSize\":5,\"chart\":\"XBAR_R\"}");
                event(ControlLimitsEstablished.class, id, "{\"characteristicId\":\"" + id + "\",\"fromSubgroup\":1,"
                        + "\"toSubgroup\":25,\"chart\":\"xbar-r\",\"center\":12.0,\"lcl\":11.996,\"ucl\":12.004,"
                        + "\"sigma\":0.003,\"secondaryCenter\":0.005,\"secondaryLcl\":0.0,\"secondaryUcl\":0.011,"
                        + "\"rules\":\"nelson\",\"approvedBy\":\"qe-3\",\"reason\":\"baseline study\",\"parameters\":{}}");
            }
            java.util.Random random = new java.util.Random(7);
            double[][] subgroup = new double[CHARACTERISTICS.length][5];
            for (long part = 0; written < events; part++) {
                String serial = String.format("S-%08d", part);
                if (part % 20_000 == 0) {
                    event(GaugeCalibrationCertified.class, "mic-1", "{\"gaugeId\":\"mic-1\",\"calibrationId\":\"cal-" + part
                            + "\",\"asFound\":\"IN_TOLERANCE\",\"asLeft\":\"IN_TOLERANCE\",\"certificate\":\"C-" + part
                            + "\",\"dueAt\":\"" + now().plusSeconds(30L * 86400) + "\",\"calibratedAt\":\"" + now()
                            + "\",\"calibratedBy\":\"lab\"}");
                }
                event(PartProduced.class, serial, "{\"serial\":\"" + serial + "\",\"partNumber\":\"PN-1234\",\"machineId\":"
                        + "\"mill-01\",\"program\":\"O1234\",\"toolId\":\"T05\",\"lot\":\"LOT-" + part / 500 + "\","
                        + "\"producedAt\":\"" + now() + "\",\"sourceMessageId\":\"c/" + part + "\"}");
                long subgroupNumber = part / 5 + 1;
                for (int c = 0; c < CHARACTERISTICS.length; c++) {
                    double value = Math.round((12.0 + random.nextGaussian() * 0.003) * 1e6) / 1e6;
                    subgroup[c][(int) (part % 5)] = value;
                    event(MeasurementRecorded.class, CHARACTERISTICS[c], "{\"characteristicId\":\"" + CHARACTERISTICS[c]
                            + "\",\"value\":" + value + ",\"partSerial\":\"" + serial + "\",\"gaugeId\":\"mic-1\","
                            + "\"observedAt\":\"" + now() + "\",\"sourceMessageId\":\"m/" + part + "/" + c + "\","
                            + "\"subgroup\":" + subgroupNumber + ",\"gaugeStatus\":\"CALIBRATED\"}");
                    if (part % 5 == 4) {
                        double mean = 0;
                        double min = Double.MAX_VALUE;
                        double max = -Double.MAX_VALUE;
                        StringBuilder values = new StringBuilder();
                        for (double v : subgroup[c]) {
                            mean += v / 5;
                            min = Math.min(min, v);
                            max = Math.max(max, v);
                            values.append(values.length() == 0 ? "" : ",").append(v);
                        }
                        event(SubgroupCompleted.class, CHARACTERISTICS[c], "{\"characteristicId\":\"" + CHARACTERISTICS[c]
                                + "\",\"subgroup\":" + subgroupNumber + ",\"values\":[" + values + "],\"mean\":" + mean
                                + ",\"range\":" + (max - min) + ",\"standardDeviation\":0.003,\"observedAt\":\"" + now()
                                + "\",\"plotted\":{\"value\":" + mean + ",\"lcl\":11.996,\"ucl\":12.004,\"secondary\":"
                                + (max - min) + "}}");
                    }
                }
                event(PartInspected.class, serial, "{\"serial\":\"" + serial + "\",\"characteristicId\":\"pn1234-bore\","
                        + "\"result\":\"PASS\",\"gaugeId\":\"cam-1\",\"note\":null,\"observedAt\":\"" + now() + "\","
                        + "\"sourceMessageId\":\"f/" + part + "\",\"measurements\":[{\"feature\":\"bore\",\"value\":12.001,"
                        + "\"unit\":\"mm\"}],\"defects\":[]}");
                if (part % 1000 == 999) {
                    String id = CHARACTERISTICS[0];
                    event(OutOfControlSignalled.class, id, "{\"characteristicId\":\"" + id + "\",\"subgroup\":"
                            + subgroupNumber + ",\"rule\":\"NELSON_2\",\"subgroups\":[" + subgroupNumber + "],\"value\":"
                            + "12.003,\"center\":12.0,\"lcl\":11.996,\"ucl\":12.004,\"observedAt\":\"" + now() + "\"}");
                    event(CorrectionProposed.class, id, "{\"characteristicId\":\"" + id + "\",\"subgroup\":"
                            + subgroupNumber + ",\"rule\":\"NELSON_2\",\"subgroups\":[],\"mean\":12.003,\"target\":12.0,"
                            + "\"correctionMm\":-0.003,\"observedAt\":\"" + now() + "\"}");
                    event(CompensationConcluded.class, id, "{\"characteristicId\":\"" + id + "\",\"signalSubgroup\":"
                            + subgroupNumber + ",\"outcome\":\"BACK_IN_CONTROL\",\"corrections\":1,"
                            + "\"totalCorrectionMm\":-0.003,\"concludedAt\":\"" + now() + "\"}");
                }
                if (part % 5000 == 4999) {
                    String nc = "NCR-" + part;
                    event(NonConformanceOpened.class, nc, "{\"nonConformanceId\":\"" + nc + "\",\"source\":\"PERSON\","
                            + "\"description\":\"Burr on the bore\",\"machineId\":\"mill-01\",\"serials\":[\"" + serial
                            + "\"],\"openedAt\":\"" + now() + "\"}");
                    event(ContainmentApplied.class, nc, "{\"nonConformanceId\":\"" + nc + "\",\"serials\":[\"" + serial
                            + "\"],\"action\":\"held\",\"appliedAt\":\"" + now() + "\"}");
                    event(DispositionSigned.class, nc, "{\"nonConformanceId\":\"" + nc + "\",\"disposition\":\"SCRAP\","
                            + "\"justification\":\"cannot be re-cut\",\"signature\":{\"signerId\":\"qm-7\",\"meaning\":"
                            + "\"approved\",\"signedAt\":\"" + now() + "\",\"authenticatedAt\":\"" + now() + "\"}}");
                }
                if (copy.length() > (1 << 24) - 65_536) {
                    flush(pg);
                }
            }
            flush(pg);
            return now();
        }
    }

    private Instant now() {
        return START.plusMillis(millis);
    }

    private void event(Class<?> type, String aggregate, String payload) {
        long sequence = sequences.merge(aggregate, 1L, Long::sum) - 1;
        millis += 10;
        String metadata = "{\"principal\":\"mill-01\",\"roles\":[\"MACHINE\"],\"source\":\"opcua://mill-01\","
                + "\"correlationId\":\"" + UUID.randomUUID() + "\",\"causationId\":\"" + UUID.randomUUID() + "\"}";
        copy.append(UUID.randomUUID()).append('\t').append(aggregateType(type))
                .append('\t').append(aggregate).append('\t').append(sequence).append('\t').append(type.getName())
                .append("\t1\t").append(now()).append('\t').append(bytea(payload)).append('\t').append(bytea(metadata))
                .append('\n');
        written++;
    }

    /** io.cncvision.api.part.PartProduced belongs to a Part; nonconformance events to a NonConformance. */
    private static String aggregateType(Class<?> type) {
        String module = type.getPackageName().substring(type.getPackageName().lastIndexOf('.') + 1);
        return module.equals("nonconformance") ? "NonConformance"
                : Character.toUpperCase(module.charAt(0)) + module.substring(1);
    }

    private static String bytea(String json) {
        return "\\\\x" + HexFormat.of().formatHex(json.getBytes(StandardCharsets.UTF_8));
    }

    private void flush(PGConnection pg) throws Exception {
        pg.getCopyAPI().copyIn("COPY eventstore.events (event_identifier, aggregate_type, aggregate_identifier, "
                + "sequence_number, event_type, payload_revision, time_stamp, payload, meta_data) FROM STDIN",
                new StringReader(copy.toString()));
        copy.setLength(0);
    }
}
