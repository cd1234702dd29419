package io.cncvision.audit.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cncvision.api.audit.MetadataKeys;
import io.cncvision.api.characteristic.CharacteristicDefined;
import io.cncvision.api.characteristic.CompensationConcluded;
import io.cncvision.api.characteristic.CompensationPlanned;
import io.cncvision.api.characteristic.ControlLimitsEstablished;
import io.cncvision.api.characteristic.CorrectionProposed;
import io.cncvision.api.characteristic.CountRecorded;
import io.cncvision.api.characteristic.MeasurementRecorded;
import io.cncvision.api.characteristic.OutOfControlSignalled;
import io.cncvision.api.characteristic.OutOfSpecificationDetected;
import io.cncvision.api.characteristic.ProcessAdjusted;
import io.cncvision.api.characteristic.SpecificationRevised;
import io.cncvision.api.characteristic.SubgroupCompleted;
import io.cncvision.api.characteristic.SuspectPartsIdentified;
import io.cncvision.api.gauge.GaugeCalibrated;
import io.cncvision.api.gauge.GaugeCalibrationCertified;
import io.cncvision.api.gauge.GaugeCalibrationExpired;
import io.cncvision.api.gauge.GaugeRegistered;
import io.cncvision.api.gauge.GaugeStatus;
import io.cncvision.api.machine.ToolOffsetAdjustmentApplied;
import io.cncvision.api.machine.ToolOffsetAdjustmentFailed;
import io.cncvision.api.machine.ToolOffsetAdjustmentRejected;
import io.cncvision.api.machine.ToolOffsetAdjustmentRequested;
import io.cncvision.api.nonconformance.ContainmentApplied;
import io.cncvision.api.nonconformance.CorrectiveActionAssigned;
import io.cncvision.api.nonconformance.DispositionSigned;
import io.cncvision.api.nonconformance.NonConformanceClosed;
import io.cncvision.api.nonconformance.NonConformanceOpened;
import io.cncvision.api.nonconformance.RootCauseRecorded;
import io.cncvision.api.part.PartDispositioned;
import io.cncvision.api.part.PartInspected;
import io.cncvision.api.part.PartProduced;
import io.cncvision.api.part.PartQuarantined;
import io.cncvision.api.part.PartRejected;
import io.cncvision.api.value.ChartType;
import io.cncvision.audit.key.AuditKeys;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Builds an ISO 9001 / IATF 16949 evidence pack from the events of the store, fed in global order: every event up to
 * the end of the period, so that what an item needs from before the period (the control-plan line in force, the
 * lot a part came from, a gauge's last certificate) is at hand. What the period itself holds is listed; what came
 * before is context. The command and access log and the part events are spooled to files as the events stream by;
 * the registers are kept per item, and everything is written into one zip, with a signed manifest, by
 * {@link #finish}.
 */
public final class EvidencePackWriter implements AutoCloseable {

    public static final String FORMAT = "cncvision-evidence-pack/1";
    public static final String MANIFEST = "manifest.json";
    public static final String SIGNATURE = "manifest.sig";
    public static final String PUBLIC_KEY = "audit-public-key.pem";

    static final String ACCESS_LOG = "access/commands.csv";
    static final String PEOPLE = "access/people.csv";
    static final String PARTS = "traceability/parts.csv";
    static final String LOTS = "traceability/lots.csv";
    static final String PART_EVENTS = "traceability/part-events.csv";
    static final String NC_REGISTER = "nonconformances/register.csv";
    static final String CALIBRATIONS = "gauges/calibrations.csv";
    static final String OUT_OF_CALIBRATION = "gauges/out-of-calibration-measurements.csv";
    static final String REPORT = "report.pdf";

    private final EvidencePeriod period;
    private final CapabilityStudy capabilityStudy;
    private final Map<String, Consumer<StoredEvent>> handlers = new HashMap<>();

    private final Spool accessLog;
    private final Spool partEvents;
    private final Map<String, Part> parts = new LinkedHashMap<>();
    private final Map<String, Characteristic> characteristics = new TreeMap<>();
    private final Map<String, NonConformance> nonConformances = new TreeMap<>();
    private final Map<String, Gauge> gauges = new TreeMap<>();
    private final List<Object[]> calibrationRows = new ArrayList<>();
    private final List<Object[]> outOfCalibrationRows = new ArrayList<>();
    private final Map<String, Long> eventsByType = new TreeMap<>();
    private final Set<String> principals = new TreeSet<>();
    private final Map<String, PackPerson> people = new TreeMap<>();
    private long eventsInPeriod;
    private long lastGlobalIndex = -1;

    /** A writer for the period; {@code spoolDirectory} holds its working files until {@link #close()}. */
    public EvidencePackWriter(EvidencePeriod period, CapabilityStudy capabilityStudy, Path spoolDirectory) {
        this.period = period;
        this.capabilityStudy = capabilityStudy;
        try {
            this.accessLog = new Spool(spoolDirectory, "access");
            this.partEvents = new Spool(spoolDirectory, "part-events");
            accessLog.csv.row("global_index", "recorded_at", "principal", "roles", "source", "correlation_id",
                    "causation_id", "event_type", "aggregate_type", "aggregate_id", "sequence", "event_id");
            partEvents.csv.row("serial", "global_index", "recorded_at", "event_type", "characteristic_id", "result",
                    "value", "gauge_id", "nonconformance_id", "detail", "principal");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the working files of the evidence pack in " + spoolDirectory
                    + ": " + e.getMessage(), e);
        }
        on(PartProduced.class, this::partProduced);
        on(PartInspected.class, this::partInspected);
        on(PartRejected.class, e -> partEvent(e, e.text("serial"), null, "REJECTED", null, e.text("gaugeId"), null,
                e.text("reason")).rejected = true);
        on(PartQuarantined.class, e -> partEvent(e, e.text("serial"), null, "QUARANTINED", null, null,
                e.text("nonConformanceId"), e.text("reason")).nonConformances.add(e.text("nonConformanceId")));
        on(PartDispositioned.class, e -> partEvent(e, e.text("serial"), null, e.text("disposition"), null, null, null,
                e.text("reason")).disposition = e.text("disposition"));
        on(CharacteristicDefined.class, this::characteristicDefined);
        on(SpecificationRevised.class, this::specificationRevised);
        on(ControlLimitsEstablished.class, e -> characteristic(e).limits.add(record(e)));
        on(CompensationPlanned.class, e -> characteristic(e).compensationPlans.add(record(e)));
        on(MeasurementRecorded.class, this::measurementRecorded);
        on(SubgroupCompleted.class, this::subgroupCompleted);
        on(CountRecorded.class, this::countRecorded);
        on(OutOfControlSignalled.class, this::outOfControlSignalled);
        on(OutOfSpecificationDetected.class, this::outOfSpecificationDetected);
        on(SuspectPartsIdentified.class, this::suspectPartsIdentified);
        on(CorrectionProposed.class, e -> react(e, e.payload().path("subgroup").asLong(-1),
                "correction proposed " + e.text("correctionMm") + " mm (mean " + e.text("mean") + ", target "
                        + e.text("target") + ")"));
        on(ToolOffsetAdjustmentRequested.class, e -> react(e, -1, "offset " + e.text("offset") + " adjustment "
                + e.text("requestId") + " requested: " + e.text("deltaMm") + " mm"));
        on(ToolOffsetAdjustmentApplied.class, e -> react(e, -1, "offset " + e.text("offset") + " adjustment "
                + e.text("requestId") + " applied: " + e.text("previousMm") + " -> " + e.text("valueMm") + " mm"));
        on(ToolOffsetAdjustmentRejected.class, e -> react(e, -1, "offset adjustment " + e.text("requestId")
                + " rejected: " + e.text("reason")));
        on(ToolOffsetAdjustmentFailed.class, e -> react(e, -1, "offset adjustment " + e.text("requestId")
                + " failed: " + e.text("reason")));
        on(ProcessAdjusted.class, e -> react(e, -1, "process adjusted (" + e.text("reference") + "), effective from "
                + e.text("effectiveFrom")));
        on(CompensationConcluded.class, this::compensationConcluded);
        on(NonConformanceOpened.class, this::nonConformanceOpened);
        on(ContainmentApplied.class, this::containmentApplied);
        on(RootCauseRecorded.class, e -> nonConformance(e).rootCauses.add(e.text("rootCause") + " (" + e.text("method")
                + ", " + e.text("recordedBy") + ")"));
        on(CorrectiveActionAssigned.class, e -> nonConformance(e).correctiveActions.add(e.text("action") + " (owner "
                + e.text("ownerId") + ", due " + e.text("dueOn") + ")"));
        on(DispositionSigned.class, e -> nonConformance(e).disposition = e);
        on(NonConformanceClosed.class, e -> nonConformance(e).closed = e);
        on(GaugeRegistered.class, this::gaugeRegistered);
        on(GaugeCalibrated.class, this::gaugeCalibrated);
        on(GaugeCalibrationCertified.class, this::gaugeCalibrationCertified);
        on(GaugeCalibrationExpired.class, this::gaugeCalibrationExpired);
    }

    private void on(Class<?> eventType, Consumer<StoredEvent> handler) {
        handlers.put(eventType.getName(), handler);
    }

    /** Takes the next event; events must come in global order, and none recorded after the period's end. */
    public void accept(StoredEvent event) {
        if (event.globalIndex() <= lastGlobalIndex) {
            throw new IllegalArgumentException("events must come in global order: " + event.globalIndex()
                    + " after " + lastGlobalIndex);
        }
        lastGlobalIndex = event.globalIndex();
        if (inPeriod(event)) {
            eventsInPeriod++;
            eventsByType.merge(event.simpleType(), 1L, Long::sum);
            try {
                String principal = event.meta(MetadataKeys.PRINCIPAL);
                if (principal != null) {
                    principals.add(principal);
                }
                accessLog.csv.row(event.globalIndex(), event.recordedAt(), principal,
                        event.meta(MetadataKeys.ROLES), event.meta(MetadataKeys.SOURCE),
                        event.meta(MetadataKeys.CORRELATION_ID), event.meta(MetadataKeys.CAUSATION_ID),
                        event.simpleType(), event.aggregateType(), event.aggregateIdentifier(), event.sequenceNumber(),
                        event.eventIdentifier());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the access log of the evidence pack: " + e.getMessage(), e);
            }
        }
        Consumer<StoredEvent> handler = handlers.get(event.eventType());
        if (handler != null) {
            handler.accept(event);
        }
    }

    private boolean inPeriod(StoredEvent event) {
        return period.contains(event.recordedAt());
    }

    /** Every principal of the events in the period taken so far: the user ids (and machine ids) the pack names. */
    public Set<String> principals() {
        return Collections.unmodifiableSet(principals);
    }

    /**
     * Names the people behind the user ids of the pack: written to {@value #PEOPLE} beside the access log, a display
     * name next to each id, or the time an erased name was erased. The events themselves carry ids only.
     */
    public void people(Collection<PackPerson> known) {
        known.forEach(person -> people.put(person.userId(), person));
    }

    // --- parts: traceability (IATF 8.5.2.1) ---

    private void partProduced(StoredEvent e) {
        Part part = part(e.text("serial"));
        // what traceability needs of it, not the event, so that a million parts fit in memory
        part.produced = new Produced(e.text("partNumber"), e.text("lot"), e.text("machineId"), e.text("program"),
                e.text("toolId"), e.text("producedAt"));
        partEvent(e, part.serial, null, "PRODUCED", null, null, null, "lot " + e.text("lot") + ", machine "
                + e.text("machineId") + ", program " + e.text("program") + ", tool " + e.text("toolId"));
    }

    private void partInspected(StoredEvent e) {
        String gauge = e.text("gaugeId");
        StringBuilder detail = new StringBuilder(String.valueOf(e.text("note")));
        for (JsonNode measurement : e.payload().path("measurements")) {
            detail.append("; ").append(measurement.path("feature").asText()).append('=')
                    .append(measurement.path("value").asText()).append(' ').append(measurement.path("unit").asText());
        }
        Part part = partEvent(e, e.text("serial"), e.text("characteristicId"), e.text("result"), null, gauge, null,
                detail.toString());
        part.inspections++;
        part.lastResult = e.text("result");
        if (gauge != null && inPeriod(e)) {
            String status = gaugeStatusAt(gauge, instant(e.text("observedAt"), e.recordedAt()));
            if (outOfCalibration(status)) {
                outOfCalibrationRows.add(new Object[] {gauge, status, "derived from the gauge's calibration events",
                        "PartInspected", e.text("characteristicId"), part.serial, e.text("result"), null,
                        e.text("observedAt"), e.recordedAt(), e.globalIndex()});
            }
        }
    }

    private Part partEvent(StoredEvent e, String serial, String characteristicId, String result, String value,
                           String gaugeId, String nonConformanceId, String detail) {
        Part part = part(serial);
        if (inPeriod(e)) {
            part.inPeriod = true;
            try {
                partEvents.csv.row(serial, e.globalIndex(), e.recordedAt(), e.simpleType(), characteristicId, result,
                        value, gaugeId, nonConformanceId, detail, e.meta(MetadataKeys.PRINCIPAL));
            } catch (IOException x) {
                throw new UncheckedIOException("cannot write the part events of the evidence pack: " + x.getMessage(), x);
            }
        }
        return part;
    }

    private Part part(String serial) {
        return parts.computeIfAbsent(String.valueOf(serial), Part::new);
    }

    // --- characteristics: control plan, chart, capability, signals (IATF 8.5.1.1, 9.1.1.1) ---

    private void characteristicDefined(StoredEvent e) {
        Characteristic characteristic = characteristic(e);
        characteristic.definition = record(e);
        characteristic.name = e.text("name");
        characteristic.chart = e.text("chart");
        characteristic.specification = e.payload().path("specification");
        characteristic.specificationAtStart = inPeriod(e) ? null : characteristic.specification;
    }

    private void specificationRevised(StoredEvent e) {
        Characteristic characteristic = characteristic(e);
        characteristic.revisions.add(record(e));
        characteristic.specification = e.payload().path("specification");
        if (!inPeriod(e)) {
            characteristic.specificationAtStart = characteristic.specification;
        }
    }

    private void measurementRecorded(StoredEvent e) {
        Characteristic characteristic = characteristic(e);
        String serial = e.text("partSerial");
        String gauge = e.text("gaugeId");
        if (serial != null) {
            partEvent(e, serial, characteristic.id, null, e.text("value"), gauge, null, "subgroup " + e.text("subgroup"));
        }
        if (!inPeriod(e)) {
            return;
        }
        characteristic.measurements++;
        String recorded = e.text("gaugeStatus");
        String status = recorded != null ? recorded
                : gauge == null ? null : gaugeStatusAt(gauge, instant(e.text("observedAt"), e.recordedAt()));
        if (outOfCalibration(status)) {
            outOfCalibrationRows.add(new Object[] {gauge, status,
                    recorded != null ? "recorded with the measurement" : "derived from the gauge's calibration events",
                    "MeasurementRecorded", characteristic.id, serial, null, e.text("value"), e.text("observedAt"),
                    e.recordedAt(), e.globalIndex()});
        }
    }

    private void subgroupCompleted(StoredEvent e) {
        if (!inPeriod(e)) {
            return;
        }
        JsonNode values = e.payload().path("values");
        double[] measured = new double[values.size()];
        for (int i = 0; i < measured.length; i++) {
            measured[i] = values.get(i).asDouble();
        }
        JsonNode plotted = e.payload().path("plotted");
        characteristic(e).chartRows.add(new Object[] {e.text("subgroup"), e.text("observedAt"), e.recordedAt(),
                measured.length, e.text("mean"), e.text("range"), e.text("standardDeviation"),
                EvidenceJson.text(plotted.get("value")), EvidenceJson.text(plotted.get("lcl")),
                EvidenceJson.text(plotted.get("ucl")), EvidenceJson.text(values)});
        characteristic(e).subgroups.add(measured);
    }

    private void countRecorded(StoredEvent e) {
        if (!inPeriod(e)) {
            return;
        }
        JsonNode plotted = e.payload().path("plotted");
        characteristic(e).chartRows.add(new Object[] {e.text("subgroup"), e.text("observedAt"), e.recordedAt(),
                e.text("size"), e.text("value"), null, null, EvidenceJson.text(plotted.get("value")),
                EvidenceJson.text(plotted.get("lcl")), EvidenceJson.text(plotted.get("ucl")), e.text("count")});
    }

    private void outOfControlSignalled(StoredEvent e) {
        Characteristic characteristic = characteristic(e);
        long subgroup = e.payload().path("subgroup").asLong();
        characteristic.lastSignalSubgroup = subgroup;
        if (inPeriod(e)) {
            characteristic.signals.add(new Signal(subgroup, e));
        }
    }

    private void outOfSpecificationDetected(StoredEvent e) {
        Characteristic characteristic = characteristic(e);
        String serial = e.text("partSerial");
        if (serial != null) {
            partEvent(e, serial, characteristic.id, "OUT_OF_SPECIFICATION", e.text("value"), null, null, null);
        }
        if (inPeriod(e)) {
            characteristic.outOfSpecification++;
        }
    }

    private void suspectPartsIdentified(StoredEvent e) {
        String nonConformance = e.text("nonConformanceId");
        for (JsonNode serial : e.payload().path("serials")) {
            partEvent(e, serial.asText(), e.text("characteristicId"), "SUSPECT", null, null, nonConformance,
                    "since subgroup " + e.text("sinceSubgroup") + ", triggered by " + e.text("trigger"))
                    .nonConformances.add(nonConformance);
        }
    }

    /** The reaction to a signal: to the signals of {@code subgroup}, or (when -1) to the characteristic's last one. */
    private void react(StoredEvent e, long subgroup, String what) {
        String id = e.text("characteristicId");
        if (id == null || !characteristics.containsKey(id)) {
            return;
        }
        Characteristic characteristic = characteristics.get(id);
        long target = subgroup >= 0 ? subgroup : characteristic.lastSignalSubgroup;
        String line = e.recordedAt() + " " + what + " [" + e.meta(MetadataKeys.PRINCIPAL) + "]";
        for (Signal signal : characteristic.signals) {
            if (signal.subgroup == target) {
                signal.reactions.add(line);
            }
        }
    }

    private void compensationConcluded(StoredEvent e) {
        String nc = e.text("nonConformanceId");
        react(e, e.payload().path("signalSubgroup").asLong(-1), "compensation concluded: " + e.text("outcome")
                + " after " + e.text("corrections") + " correction(s), " + e.text("totalCorrectionMm") + " mm"
                + (nc == null ? "" : ", nonconformance " + nc) + (e.text("detail") == null ? "" : " (" + e.text("detail") + ")"));
        Characteristic characteristic = characteristics.get(e.text("characteristicId"));
        if (characteristic != null) {
            long subgroup = e.payload().path("signalSubgroup").asLong(-1);
            characteristic.signals.stream().filter(signal -> signal.subgroup == subgroup)
                    .forEach(signal -> signal.outcome = e.text("outcome"));
        }
    }

    private Characteristic characteristic(StoredEvent e) {
        return characteristics.computeIfAbsent(String.valueOf(e.text("characteristicId")), Characteristic::new);
    }

    // --- nonconformances (IATF 8.7, 10.2.3) ---

    private void nonConformanceOpened(StoredEvent e) {
        NonConformance nc = nonConformance(e);
        nc.opened = e;
        for (JsonNode serial : e.payload().path("serials")) {
            partEvent(e, serial.asText(), e.text("characteristicId"), "NONCONFORMANCE_OPENED", null, e.text("gaugeId"),
                    nc.id, e.text("description")).nonConformances.add(nc.id);
        }
    }

    private void containmentApplied(StoredEvent e) {
        NonConformance nc = nonConformance(e);
        nc.containment.add(e.text("action") + " (" + e.payload().path("serials").size() + " parts, "
                + e.text("appliedAt") + ")");
        for (JsonNode serial : e.payload().path("serials")) {
            partEvent(e, serial.asText(), null, "CONTAINED", null, null, nc.id, e.text("action"))
                    .nonConformances.add(nc.id);
        }
    }

    private NonConformance nonConformance(StoredEvent e) {
        NonConformance nc = nonConformances.computeIfAbsent(String.valueOf(e.text("nonConformanceId")),
                NonConformance::new);
        nc.history.add(record(e));
        nc.inPeriod |= inPeriod(e);
        return nc;
    }

    // --- gauges and cameras: calibration register (IATF 7.1.5.2) ---

    private void gaugeRegistered(StoredEvent e) {
        Gauge gauge = gauge(e);
        gauge.kind = e.text("kind");
        gauge.name = e.text("name");
        gauge.status = GaugeStatus.NOT_CALIBRATED.name();
        calibrationRow(e, gauge, null, null, null, null, null, null);
    }

    private void gaugeCalibrated(StoredEvent e) {
        Gauge gauge = gauge(e);
        gauge.status = GaugeStatus.CALIBRATED.name();
        gauge.dueAt = null;
        calibrationRow(e, gauge, null, null, null, null, "mm/px " + e.text("mmPerPixel") + ", RMS reprojection error "
                + e.text("rmsReprojectionErrorPx") + " px, " + e.text("imageCount") + " images", e.text("calibratedAt"));
    }

    private void gaugeCalibrationCertified(StoredEvent e) {
        Gauge gauge = gauge(e);
        String asLeft = e.text("asLeft");
        gauge.status = "FAILED".equals(asLeft) ? GaugeStatus.FAILED.name() : GaugeStatus.CALIBRATED.name();
        gauge.dueAt = instant(e.text("dueAt"), null);
        calibrationRow(e, gauge, e.text("asFound"), asLeft, e.text("certificate"), e.text("dueAt"), null,
                e.text("calibratedAt"));
    }

    private void gaugeCalibrationExpired(StoredEvent e) {
        Gauge gauge = gauge(e);
        gauge.status = GaugeStatus.EXPIRED.name();
        calibrationRow(e, gauge, null, null, null, e.text("dueAt"), "expired at " + e.text("expiredAt"), null);
    }

    private void calibrationRow(StoredEvent e, Gauge gauge, String asFound, String asLeft, String certificate,
                                String dueAt, String detail, String calibratedAt) {
        calibrationRows.add(new Object[] {gauge.id, gauge.kind, gauge.name, e.simpleType(), e.text("calibrationId"),
                asFound, asLeft, certificate, calibratedAt, dueAt, e.text("calibratedBy"), detail, gauge.status,
                e.recordedAt(), e.meta(MetadataKeys.PRINCIPAL), inPeriod(e)});
    }

    private Gauge gauge(StoredEvent e) {
        return gauges.computeIfAbsent(String.valueOf(e.text("gaugeId")), Gauge::new);
    }

    /** The gauge's status when it measured: a certificate past its due date is expired even before it is recorded so. */
    private String gaugeStatusAt(String gaugeId, Instant observedAt) {
        Gauge gauge = gauges.get(gaugeId);
        if (gauge == null) {
            return null;
        }
        if (GaugeStatus.CALIBRATED.name().equals(gauge.status) && gauge.dueAt != null && observedAt.isAfter(gauge.dueAt)) {
            return GaugeStatus.EXPIRED.name();
        }
        return gauge.status;
    }

    private static boolean outOfCalibration(String status) {
        return GaugeStatus.EXPIRED.name().equals(status) || GaugeStatus.FAILED.name().equals(status);
    }

    // --- the pack ---

    /**
     * Writes the pack to {@code out}: the registers, the report, the public key, the manifest of every file with its
     * SHA-256, and the manifest's Ed25519 signature. {@code chainHead} may be null while the store has no chain.
     */
    public PackSummary finish(OutputStream out, ChainHead chainHead, AuditKeys keys, Instant generatedAt)
            throws IOException {
        Report report = new Report();
        try (PackZip zip = new PackZip(out)) {
            accessLog.copyInto(zip, ACCESS_LOG);
            if (!people.isEmpty()) {
                writePeople(zip);
            }
            partEvents.copyInto(zip, PART_EVENTS);
            writeParts(zip);
            writeLots(zip);
            for (Characteristic characteristic : characteristics.values()) {
                if (characteristic.definition != null) {
                    writeCharacteristic(zip, characteristic, report);
                }
            }
            writeNonConformances(zip, report);
            writeGauges(zip, report);
            try (Writer key = zip.text(PUBLIC_KEY)) {
                key.write(pem(keys.publicKey().getEncoded()));
            }
            try (OutputStream pdf = zip.file(REPORT)) {
                EvidenceReport.write(pdf, period, chainHead, generatedAt, eventsInPeriod, eventsByType, report);
            }
            byte[] manifest = manifest(zip.files(), chainHead, keys, generatedAt);
            zip.unlisted(MANIFEST, manifest);
            zip.unlisted(SIGNATURE, (Base64.getEncoder().encodeToString(keys.sign(manifest)) + "\n")
                    .getBytes(StandardCharsets.US_ASCII));
            return new PackSummary(period, eventsInPeriod, lastGlobalIndex, zip.files().size() + 2);
        }
    }

    private void writePeople(PackZip zip) throws IOException {
        try (Writer file = new BufferedWriter(zip.text(PEOPLE))) {
            Csv csv = new Csv(file).row("user_id", "display_name", "erased", "erased_at");
            for (PackPerson person : people.values()) {
                csv.row(person.userId(), person.displayName(), person.erasedAt() != null, person.erasedAt());
            }
        }
    }

    private void writeParts(PackZip zip) throws IOException {
        try (Writer file = new BufferedWriter(zip.text(PARTS))) {
            Csv csv = new Csv(file).row("serial", "part_number", "lot", "machine_id", "program", "tool_id",
                    "produced_at", "inspections", "last_result", "rejected", "disposition", "nonconformances");
            for (Part part : parts.values()) {
                if (!part.inPeriod) {
                    continue;
                }
                Produced p = part.produced == null ? Produced.UNKNOWN : part.produced;
                csv.row(part.serial, p.partNumber(), p.lot(), p.machineId(), p.program(), p.toolId(), p.producedAt(),
                        part.inspections,
                        part.lastResult, part.rejected, part.disposition, String.join(" ", part.nonConformances));
            }
        }
    }

    private void writeLots(PackZip zip) throws IOException {
        Map<String, List<Part>> byLot = new TreeMap<>();
        for (Part part : parts.values()) {
            if (part.inPeriod && part.produced != null) {
                byLot.computeIfAbsent(part.produced.partNumber() + "\u0000" + part.produced.lot(),
                        lot -> new ArrayList<>()).add(part);
            }
        }
        try (Writer file = new BufferedWriter(zip.text(LOTS))) {
            Csv csv = new Csv(file).row("part_number", "lot", "parts", "machines", "programs", "tools",
                    "first_produced_at", "last_produced_at", "rejected", "nonconformances", "serials");
            for (List<Part> lot : byLot.values()) {
                Set<String> machines = new LinkedHashSet<>();
                Set<String> programs = new LinkedHashSet<>();
                Set<String> tools = new LinkedHashSet<>();
                Set<String> ncs = new LinkedHashSet<>();
                List<String> serials = new ArrayList<>();
                String first = null;
                String last = null;
                int rejected = 0;
                for (Part part : lot) {
                    machines.add(part.produced.machineId());
                    programs.add(part.produced.program());
                    tools.add(part.produced.toolId());
                    ncs.addAll(part.nonConformances);
                    serials.add(part.serial);
                    String at = part.produced.producedAt();
                    if (at != null) {
                        first = first == null || at.compareTo(first) < 0 ? at : first;
                        last = last == null || at.compareTo(last) > 0 ? at : last;
                    }
                    rejected += part.rejected ? 1 : 0;
                }
                Produced any = lot.get(0).produced;
                csv.row(any.partNumber(), any.lot(), lot.size(), String.join(" ", machines),
                        String.join(" ", programs), String.join(" ", tools), first, last, rejected,
                        String.join(" ", ncs), String.join(" ", serials));
            }
        }
    }

    private void writeCharacteristic(PackZip zip, Characteristic c, Report report) throws IOException {
        String directory = "characteristics/" + c.id + "/";
        ObjectNode plan = EvidenceJson.MAPPER.createObjectNode();
        plan.put("characteristicId", c.id);
        plan.set("definition", c.definition);
        plan.set("specificationInForceAtStart", c.specificationAtStart);
        plan.set("specificationInForceAtEnd", c.specification);
        plan.set("revisions", array(c.revisions));
        plan.set("controlLimits", array(c.limits));
        plan.set("compensationPlans", array(c.compensationPlans));
        try (OutputStream file = zip.file(directory + "control-plan.json")) {
            EvidenceJson.MAPPER.writeValue(file, plan);
        }
        try (Writer file = new BufferedWriter(zip.text(directory + "chart.csv"))) {
            Csv csv = new Csv(file).row("subgroup", "observed_at", "recorded_at", "size", "mean", "range",
                    "standard_deviation", "plotted", "lcl", "ucl", "values");
            for (Object[] row : c.chartRows) {
                csv.row(row);
            }
        }
        Map<String, Object> capability = capability(c);
        try (OutputStream file = zip.file(directory + "capability.json")) {
            EvidenceJson.MAPPER.writeValue(file, capability);
        }
        try (Writer file = new BufferedWriter(zip.text(directory + "signals.csv"))) {
            Csv csv = new Csv(file).row("subgroup", "rule", "value", "center", "lcl", "ucl", "observed_at",
                    "recorded_at", "principal", "outcome", "reaction");
            for (Signal s : c.signals) {
                StoredEvent e = s.event;
                csv.row(s.subgroup, e.text("rule"), e.text("value"), e.text("center"), e.text("lcl"), e.text("ucl"),
                        e.text("observedAt"), e.recordedAt(), e.meta(MetadataKeys.PRINCIPAL), s.outcome,
                        s.reactions.isEmpty() ? "none recorded" : String.join(" | ", s.reactions));
            }
        }
        report.characteristics.add(new Object[] {c.id, c.name, c.chart, c.chartRows.size(), c.measurements,
                capability.get("cp"), capability.get("cpk"), c.signals.size(),
                c.signals.stream().filter(s -> s.reactions.isEmpty()).count(), c.outOfSpecification});
    }

    private Map<String, Object> capability(Characteristic c) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("characteristicId", c.id);
        result.put("period", Map.of("from", period.from().toString(), "to", period.to().toString()));
        result.put("subgroups", c.subgroups.size());
        JsonNode spec = c.specification;
        result.put("specification", spec);
        boolean variables;
        try {
            variables = c.chart == null || ChartType.fromCode(c.chart).isVariables();
        } catch (IllegalArgumentException e) {
            variables = true;
        }
        if (!variables) {
            result.put("available", false);
            result.put("reason", "a " + c.chart + " chart records counts; capability needs measured values");
            return result;
        }
        try {
            Double lsl = spec == null || spec.path("lsl").isNull() || spec.path("lsl").isMissingNode() ? null
                    : spec.path("lsl").asDouble();
            Double usl = spec == null || spec.path("usl").isNull() || spec.path("usl").isMissingNode() ? null
                    : spec.path("usl").asDouble();
            Map<String, Object> figures = capabilityStudy.of(c.subgroups, lsl, usl,
                    spec == null ? 0 : spec.path("nominal").asDouble());
            result.put("available", true);
            result.putAll(figures);
        } catch (IllegalArgumentException e) {
            result.put("available", false);
            result.put("reason", e.getMessage());
        }
        return result;
    }

    private void writeNonConformances(PackZip zip, Report report) throws IOException {
        try (Writer file = new BufferedWriter(zip.text(NC_REGISTER))) {
            Csv csv = new Csv(file).row("nonconformance_id", "source", "description", "machine_id", "characteristic_id",
                    "gauge_id", "serials", "opened_at", "opened_by", "containment", "root_cause", "corrective_actions",
                    "disposition", "justification", "signed_by", "signature_meaning", "signed_at", "authenticated_at",
                    "closed_at", "closed_by", "status");
            for (NonConformance nc : nonConformances.values()) {
                if (!nc.inPeriod) {
                    continue;
                }
                StoredEvent o = nc.opened;
                StoredEvent d = nc.disposition;
                JsonNode signature = d == null ? null : d.payload().path("signature");
                String status = nc.closed != null ? "CLOSED" : d != null ? "DISPOSITIONED" : "OPEN";
                Object[] row = {nc.id, o == null ? null : o.text("source"), o == null ? null : o.text("description"),
                        o == null ? null : o.text("machineId"), o == null ? null : o.text("characteristicId"),
                        o == null ? null : o.text("gaugeId"), o == null ? null : EvidenceJson.text(o.payload().get("serials")),
                        o == null ? null : o.text("openedAt"), o == null ? null : o.meta(MetadataKeys.PRINCIPAL),
                        String.join(" | ", nc.containment), String.join(" | ", nc.rootCauses),
                        String.join(" | ", nc.correctiveActions), d == null ? null : d.text("disposition"),
                        d == null ? null : d.text("justification"), signature == null ? null : EvidenceJson.text(signature.get("signerId")),
                        signature == null ? null : EvidenceJson.text(signature.get("meaning")),
                        signature == null ? null : EvidenceJson.text(signature.get("signedAt")),
                        signature == null ? null : EvidenceJson.text(signature.get("authenticatedAt")),
                        nc.closed == null ? null : nc.closed.text("closedAt"),
                        nc.closed == null ? null : nc.closed.text("closedBy"), status};
                csv.row(row);
                report.nonConformances.add(new Object[] {nc.id, row[1], row[4], row[12], row[14], status});
            }
        }
        for (NonConformance nc : nonConformances.values()) {
            if (nc.inPeriod) {
                ObjectNode json = EvidenceJson.MAPPER.createObjectNode();
                json.put("nonConformanceId", nc.id);
                json.set("history", array(nc.history));
                try (OutputStream file = zip.file("nonconformances/" + nc.id + ".json")) {
                    EvidenceJson.MAPPER.writeValue(file, json);
                }
            }
        }
    }

    private void writeGauges(PackZip zip, Report report) throws IOException {
        try (Writer file = new BufferedWriter(zip.text(CALIBRATIONS))) {
            Csv csv = new Csv(file).row("gauge_id", "kind", "name", "event_type", "calibration_id", "as_found",
                    "as_left", "certificate", "calibrated_at", "due_at", "calibrated_by", "detail", "status_after",
                    "recorded_at", "principal", "in_period");
            for (Object[] row : calibrationRows) {
                csv.row(row);
            }
        }
        try (Writer file = new BufferedWriter(zip.text(OUT_OF_CALIBRATION))) {
            Csv csv = new Csv(file).row("gauge_id", "gauge_status", "basis", "event_type", "characteristic_id",
                    "serial", "result", "value", "observed_at", "recorded_at", "global_index");
            for (Object[] row : outOfCalibrationRows) {
                csv.row(row);
            }
        }
        for (Gauge gauge : gauges.values()) {
            report.gauges.add(new Object[] {gauge.id, gauge.kind, gauge.status, gauge.dueAt});
        }
        report.outOfCalibration.addAll(outOfCalibrationRows);
    }

    private byte[] manifest(List<PackFile> files, ChainHead chainHead, AuditKeys keys, Instant generatedAt)
            throws IOException {
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("format", FORMAT);
        manifest.put("period", Map.of("from", period.from().toString(), "to", period.to().toString()));
        manifest.put("generatedAt", generatedAt.toString());
        manifest.put("eventsInPeriod", eventsInPeriod);
        manifest.put("lastGlobalIndex", lastGlobalIndex < 0 ? null : lastGlobalIndex);
        manifest.put("chainHead", chainHead);
        manifest.put("signatureAlgorithm", "Ed25519");
        manifest.put("publicKey", Base64.getEncoder().encodeToString(keys.publicKey().getEncoded()));
        manifest.put("files", files);
        return EvidenceJson.MAPPER.writeValueAsBytes(manifest);
    }

    private static ArrayNode array(List<ObjectNode> items) {
        ArrayNode array = EvidenceJson.MAPPER.createArrayNode();
        array.addAll(items);
        return array;
    }

    /** An event as the pack shows it in JSON: when, who, from where, and its payload as stored. */
    private ObjectNode record(StoredEvent e) {
        ObjectNode node = EvidenceJson.MAPPER.createObjectNode();
        node.put("eventType", e.simpleType());
        node.put("globalIndex", e.globalIndex());
        node.put("recordedAt", e.recordedAt().toString());
        node.put("inPeriod", inPeriod(e));
        node.put("principal", e.meta(MetadataKeys.PRINCIPAL));
        node.put("roles", e.meta(MetadataKeys.ROLES));
        node.put("source", e.meta(MetadataKeys.SOURCE));
        node.set("payload", e.payload());
        return node;
    }

    private static Instant instant(String text, Instant otherwise) {
        if (text == null) {
            return otherwise;
        }
        try {
            return Instant.parse(text);
        } catch (RuntimeException e) {
            return otherwise;
        }
    }

    private static String pem(byte[] der) {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END PUBLIC KEY-----\n";
    }

    /** Deletes the working files. */
    @Override
    public void close() {
        accessLog.delete();
        partEvents.delete();
    }

    /** What the pack holds, in numbers. */
    public record PackSummary(EvidencePeriod period, long eventsInPeriod, long lastGlobalIndex, int files) {
    }

    /** A CSV written to a working file while the events stream by, copied into the zip at the end. */
    private static final class Spool {
        private final Path file;
        private final Writer writer;
        private final Csv csv;

        Spool(Path directory, String name) throws IOException {
            Files.createDirectories(directory);
            this.file = Files.createTempFile(directory, "evidence-" + name, ".csv");
            this.writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
            this.csv = new Csv(writer);
        }

        void copyInto(PackZip zip, String path) throws IOException {
            writer.close();
            try (OutputStream entry = zip.file(path)) {
                Files.copy(file, entry);
            }
        }

        void delete() {
            try {
                writer.close();
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // a working file left in a temporary directory: the pack itself is complete or was never promised
            }
        }
    }

    private static final class Part {
        final String serial;
        Produced produced;
        boolean inPeriod;
        int inspections;
        String lastResult;
        boolean rejected;
        String disposition;
        final Set<String> nonConformances = new LinkedHashSet<>();

        Part(String serial) {
            this.serial = serial;
        }
    }

    private record Produced(String partNumber, String lot, String machineId, String program, String toolId,
                            String producedAt) {
        static final Produced UNKNOWN = new Produced(null, null, null, null, null, null);
    }

    private static final class Characteristic {
        final String id;
        ObjectNode definition;
        String name;
        String chart;
        JsonNode specification;
        JsonNode specificationAtStart;
        final List<ObjectNode> revisions = new ArrayList<>();
        final List<ObjectNode> limits = new ArrayList<>();
        final List<ObjectNode> compensationPlans = new ArrayList<>();
        final List<Object[]> chartRows = new ArrayList<>();
        final List<double[]> subgroups = new ArrayList<>();
        final List<Signal> signals = new ArrayList<>();
        long lastSignalSubgroup = -1;
        long measurements;
        long outOfSpecification;

        Characteristic(String id) {
            this.id = id;
        }
    }

    private static final class Signal {
        final long subgroup;
        final StoredEvent event;
        final List<String> reactions = new ArrayList<>();
        String outcome;

        Signal(long subgroup, StoredEvent event) {
            this.subgroup = subgroup;
            this.event = event;
        }
    }

    private static final class NonConformance {
        final String id;
        StoredEvent opened;
        StoredEvent disposition;
        StoredEvent closed;
        boolean inPeriod;
        final List<String> containment = new ArrayList<>();
        final List<String> rootCauses = new ArrayList<>();
        final List<String> correctiveActions = new ArrayList<>();
        final List<ObjectNode> history = new ArrayList<>();

        NonConformance(String id) {
            this.id = id;
        }
    }

    private static final class Gauge {
        final String id;
        String kind;
        String name;
        String status;
        Instant dueAt;

        Gauge(String id) {
            this.id = id;
        }
    }

    /** What the PDF report summarises. */
    static final class Report {
        final List<Object[]> characteristics = new ArrayList<>();
        final List<Object[]> nonConformances = new ArrayList<>();
        final List<Object[]> gauges = new ArrayList<>();
        final List<Object[]> outOfCalibration = new ArrayList<>();
    }
}
