package io.cncvision.audit.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cncvision.api.characteristic.CharacteristicDefined;
import io.cncvision.api.characteristic.CompensationConcluded;
import io.cncvision.api.characteristic.ControlLimitsEstablished;
import io.cncvision.api.characteristic.CorrectionProposed;
import io.cncvision.api.characteristic.MeasurementRecorded;
import io.cncvision.api.characteristic.OutOfControlSignalled;
import io.cncvision.api.characteristic.SpecificationRevised;
import io.cncvision.api.characteristic.SubgroupCompleted;
import io.cncvision.api.gauge.GaugeCalibrationCertified;
import io.cncvision.api.gauge.GaugeCalibrationExpired;
import io.cncvision.api.gauge.GaugeRegistered;
import io.cncvision.api.machine.ToolOffsetAdjustmentApplied;
import io.cncvision.api.nonconformance.ContainmentApplied;
import io.cncvision.api.nonconformance.DispositionSigned;
import io.cncvision.api.nonconformance.NonConformanceOpened;
import io.cncvision.api.part.PartInspected;
import io.cncvision.api.part.PartProduced;
import io.cncvision.audit.key.AuditKeys;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvidencePackWriterTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant T1 = Instant.parse("2026-11-02T06:00:00Z");
    private static final Instant T2 = Instant.parse("2026-11-02T14:00:00Z");

    @TempDir
    Path dir;

    private final List<StoredEvent> events = new ArrayList<>();
    private AuditKeys keys;

    @BeforeEach
    void story() {
        keys = AuditKeys.loadOrCreate(dir.resolve("data"));
        // Before the period: the control-plan line, its limits, the gauge and its certificate, which falls due at 08:00.
        event(CharacteristicDefined.class, "2026-11-01T10:00:00Z", "quinn", "{\"characteristicId\":\"pn1234-bore\","
                + "\"partNumber\":\"PN-1234\",\"name\":\"Bore\",\"specification\":{\"unit\":\"mm\",\"nominal\":12.0,"
                + "\"lsl\":11.99,\"usl\":12.01},\"subgroupSize\":2,\"chart\":\"XBAR_R\"}");
        event(ControlLimitsEstablished.class, "2026-11-01T11:00:00Z", "quinn", "{\"characteristicId\":\"pn1234-bore\","
                + "\"fromSubgroup\":1,\"toSubgroup\":25,\"chart\":\"xbar-r\",\"center\":12.0,\"lcl\":11.997,\"ucl\":12.003,"
                + "\"approvedBy\":\"quinn\",\"reason\":\"initial study\"}");
        event(GaugeRegistered.class, "2026-11-01T09:00:00Z", "ada", "{\"gaugeId\":\"mic-7\",\"kind\":\"MICROMETER\","
                + "\"name\":\"Micrometer 7\"}");
        event(GaugeCalibrationCertified.class, "2026-11-01T09:30:00Z", "ada", "{\"gaugeId\":\"mic-7\",\"calibrationId\":"
                + "\"cal-1\",\"asFound\":\"IN_TOLERANCE\",\"asLeft\":\"IN_TOLERANCE\",\"certificate\":\"C-88\","
                + "\"dueAt\":\"2026-11-02T08:00:00Z\",\"calibratedAt\":\"2026-11-01T09:00:00Z\",\"calibratedBy\":\"lab\"}");
        event(PartProduced.class, "2026-11-01T23:00:00Z", "mill-01", part("S-000001", "L-7"));
        // In the period.
        event(PartProduced.class, "2026-11-02T07:00:00Z", "mill-01", part("S-000002", "L-7"));
        event(MeasurementRecorded.class, "2026-11-02T07:10:00Z", "mill-01", measurement("S-000001", 12.001, 1,
                "2026-11-02T07:09:00Z"));
        event(MeasurementRecorded.class, "2026-11-02T09:10:00Z", "mill-01", measurement("S-000002", 12.006, 1,
                "2026-11-02T09:09:00Z"));
        event(SubgroupCompleted.class, "2026-11-02T09:10:01Z", "mill-01", "{\"characteristicId\":\"pn1234-bore\","
                + "\"subgroup\":1,\"values\":[12.001,12.006],\"mean\":12.0035,\"range\":0.005,\"standardDeviation\":0.0035,"
                + "\"observedAt\":\"2026-11-02T09:09:00Z\",\"plotted\":{\"value\":12.0035,\"lcl\":11.997,\"ucl\":12.003}}");
        event(OutOfControlSignalled.class, "2026-11-02T09:10:02Z", "mill-01", "{\"characteristicId\":\"pn1234-bore\","
                + "\"subgroup\":1,\"rule\":\"NELSON_1\",\"subgroups\":[1],\"value\":12.0035,\"center\":12.0,"
                + "\"lcl\":11.997,\"ucl\":12.003,\"observedAt\":\"2026-11-02T09:09:00Z\"}");
        event(CorrectionProposed.class, "2026-11-02T09:10:03Z", "saga", "{\"characteristicId\":\"pn1234-bore\","
                + "\"subgroup\":1,\"rule\":\"NELSON_1\",\"subgroups\":[1],\"mean\":12.0035,\"target\":12.0,"
                + "\"correctionMm\":-0.0035}");
        event(ToolOffsetAdjustmentApplied.class, "2026-11-02T09:11:00Z", "mill-01", "{\"machineId\":\"mill-01\","
                + "\"requestId\":\"r-1\",\"offset\":\"T1.X\",\"deltaMm\":-0.0035,\"previousMm\":0.0,\"valueMm\":-0.0035,"
                + "\"characteristicId\":\"pn1234-bore\"}");
        event(CompensationConcluded.class, "2026-11-02T10:00:00Z", "saga", "{\"characteristicId\":\"pn1234-bore\","
                + "\"signalSubgroup\":1,\"outcome\":\"BACK_IN_CONTROL\",\"corrections\":1,\"totalCorrectionMm\":-0.0035}");
        event(SpecificationRevised.class, "2026-11-02T11:00:00Z", "quinn", "{\"characteristicId\":\"pn1234-bore\","
                + "\"previous\":{\"unit\":\"mm\",\"nominal\":12.0,\"lsl\":11.99,\"usl\":12.01},\"specification\":{\"unit\":"
                + "\"mm\",\"nominal\":12.0,\"lsl\":11.98,\"usl\":12.02},\"reason\":\"drawing rev C\"}");
        event(PartInspected.class, "2026-11-02T11:30:00Z", "cam-1", "{\"serial\":\"S-000002\",\"characteristicId\":"
                + "\"pn1234-bore\",\"result\":\"FAIL\",\"gaugeId\":\"mic-7\",\"note\":\"burr\",\"observedAt\":"
                + "\"2026-11-02T11:29:00Z\"}");
        event(NonConformanceOpened.class, "2026-11-02T12:00:00Z", "olga", "{\"nonConformanceId\":\"NC-1\",\"source\":"
                + "\"REJECTED_PART\",\"description\":\"burr, on the bore\",\"characteristicId\":\"pn1234-bore\","
                + "\"serials\":[\"S-000002\"],\"openedAt\":\"2026-11-02T12:00:00Z\"}");
        event(ContainmentApplied.class, "2026-11-02T12:10:00Z", "quinn", "{\"nonConformanceId\":\"NC-1\",\"serials\":"
                + "[\"S-000001\",\"S-000002\"],\"action\":\"lot L-7 held\",\"appliedAt\":\"2026-11-02T12:10:00Z\"}");
        event(DispositionSigned.class, "2026-11-02T13:00:00Z", "quinn", "{\"nonConformanceId\":\"NC-1\",\"disposition\":"
                + "\"REWORK\",\"justification\":\"deburr\",\"signature\":{\"signerId\":\"quinn\",\"meaning\":\"approved\","
                + "\"signedAt\":\"2026-11-02T13:00:00Z\",\"authenticatedAt\":\"2026-11-02T12:59:00Z\"}}");
        event(GaugeCalibrationExpired.class, "2026-11-02T13:30:00Z", "scheduler", "{\"gaugeId\":\"mic-7\","
                + "\"calibrationId\":\"cal-1\",\"dueAt\":\"2026-11-02T08:00:00Z\",\"expiredAt\":\"2026-11-02T13:30:00Z\"}");
        // After the period: never fed, as the store query stops at its end.
    }

    @Test
    void packsEveryRegisterOfThePeriodWithItsContext() throws Exception {
        Path pack = write();
        try (ZipFile zip = new ZipFile(pack.toFile())) {
            List<String> access = lines(zip, "access/commands.csv");
            assertThat(access).hasSize(1 + 14);
            assertThat(access.get(1)).contains("PartProduced", "mill-01", "MACHINE", "corr-6");

            assertThat(lines(zip, "traceability/parts.csv")).anySatisfy(line -> assertThat(line)
                    .startsWith("S-000001,PN-1234,L-7,mill-01,O1234,T1,").contains("NC-1"));
            assertThat(lines(zip, "traceability/lots.csv")).anySatisfy(line -> assertThat(line)
                    .startsWith("PN-1234,L-7,2,mill-01,O1234,T1,").endsWith("S-000001 S-000002"));
            assertThat(lines(zip, "traceability/part-events.csv")).anySatisfy(line -> assertThat(line)
                    .startsWith("S-000002,").contains("PartInspected", "FAIL", "mic-7"));

            JsonNode plan = json(zip, "characteristics/pn1234-bore/control-plan.json");
            assertThat(plan.at("/definition/payload/name").asText()).isEqualTo("Bore");
            assertThat(plan.at("/specificationInForceAtStart/lsl").asDouble()).isEqualTo(11.99);
            assertThat(plan.at("/specificationInForceAtEnd/lsl").asDouble()).isEqualTo(11.98);
            assertThat(plan.at("/controlLimits/0/payload/approvedBy").asText()).isEqualTo("quinn");
            assertThat(plan.at("/revisions/0/payload/reason").asText()).isEqualTo("drawing rev C");

            assertThat(lines(zip, "characteristics/pn1234-bore/chart.csv").get(1))
                    .startsWith("1,2026-11-02T09:09:00Z,2026-11-02T09:10:01Z,2,12.0035,");
            JsonNode capability = json(zip, "characteristics/pn1234-bore/capability.json");
            assertThat(capability.path("available").asBoolean()).isTrue();
            assertThat(capability.path("subgroups").asInt()).isEqualTo(1);
            assertThat(capability.path("lsl").asDouble()).isEqualTo(11.98);

            String signal = lines(zip, "characteristics/pn1234-bore/signals.csv").get(1);
            assertThat(signal).startsWith("1,NELSON_1,12.0035,").contains("BACK_IN_CONTROL",
                    "correction proposed -0.0035 mm", "adjustment r-1 applied", "compensation concluded");

            String nc = lines(zip, "nonconformances/register.csv").get(1);
            assertThat(nc).startsWith("NC-1,REJECTED_PART,\"burr, on the bore\"").contains("lot L-7 held", "REWORK",
                    "quinn,approved,2026-11-02T13:00:00Z,2026-11-02T12:59:00Z", "DISPOSITIONED");
            assertThat(json(zip, "nonconformances/NC-1.json").path("history")).hasSize(3);

            assertThat(lines(zip, "gauges/calibrations.csv")).hasSize(1 + 3)
                    .anySatisfy(line -> assertThat(line).contains("GaugeCalibrationCertified", "C-88", "false"))
                    .anySatisfy(line -> assertThat(line).contains("GaugeCalibrationExpired", "EXPIRED", "true"));
            // The certificate fell due at 08:00: the 09:09 measurement and the 11:29 inspection were made out of
            // calibration, though the expiry was recorded only at 13:30; the 07:09 measurement was not.
            List<String> outOfCalibration = lines(zip, "gauges/out-of-calibration-measurements.csv");
            assertThat(outOfCalibration).hasSize(1 + 2);
            assertThat(outOfCalibration.get(1)).contains("mic-7,EXPIRED", "MeasurementRecorded", "S-000002", "12.006");
            assertThat(outOfCalibration.get(2)).contains("PartInspected", "FAIL");

            assertThat(zip.getEntry("report.pdf").getSize()).isGreaterThan(1000);
            assertThat(new String(zip.getInputStream(zip.getEntry("report.pdf")).readAllBytes(), StandardCharsets.ISO_8859_1))
                    .startsWith("%PDF-");
            JsonNode manifest = json(zip, "manifest.json");
            assertThat(manifest.at("/chainHead/globalIndex").asLong()).isEqualTo(19);
            assertThat(manifest.path("eventsInPeriod").asLong()).isEqualTo(14);
            assertThat(manifest.path("files")).anySatisfy(file -> assertThat(file.path("path").asText())
                    .isEqualTo("report.pdf"));
        }
    }

    @Test
    void namesThePeopleOfThePeriodBesideTheAccessLogAndAnErasedOneByIdOnly() throws Exception {
        Instant erased = Instant.parse("2026-11-20T08:00:00Z");
        List<String> principals = new ArrayList<>();
        Path pack = write(writer -> {
            principals.addAll(writer.principals());
            writer.people(List.of(new PackPerson("quinn", "Quinn Example", null), new PackPerson("olga", null, erased)));
        });

        // Who acted in the period; ada registered the gauge before it and is not among them.
        assertThat(principals).containsExactly("cam-1", "mill-01", "olga", "quinn", "saga", "scheduler");
        try (ZipFile zip = new ZipFile(pack.toFile())) {
            assertThat(lines(zip, "access/people.csv")).containsExactly("user_id,display_name,erased,erased_at",
                    "olga,,true,2026-11-20T08:00:00Z", "quinn,Quinn Example,false,");
            assertThat(json(zip, "manifest.json").path("files")).anySatisfy(file -> assertThat(file.path("path").asText())
                    .isEqualTo("access/people.csv"));
        }
        assertThat(EvidencePackVerifier.verify(pack, keys.publicKey()).problems()).isEmpty();
    }

    @Test
    void aPackWithoutPeopleHasNoPeopleFile() throws Exception {
        try (ZipFile zip = new ZipFile(write().toFile())) {
            assertThat(zip.getEntry("access/people.csv")).isNull();
        }
    }

    @Test
    void aPersonHasANameOrAnErasureTimeNeverBothNorNeither() {
        assertThatThrownBy(() -> new PackPerson("u-1", null, null)).hasMessageContaining("u-1");
        assertThatThrownBy(() -> new PackPerson("u-1", "Quinn", Instant.EPOCH)).hasMessageContaining("u-1");
    }

    @Test
    void aPackAsWrittenVerifiesWithTheInstancesKey() throws Exception {
        EvidencePackVerifier.Verification verification = EvidencePackVerifier.verify(write(), keys.publicKey());
        assertThat(verification.problems()).isEmpty();
        assertThat(verification.signatureValid()).isTrue();
        assertThat(verification.keyUsed()).isEqualTo("the given public key");
        assertThat(verification.filesChecked()).isGreaterThan(10);
    }

    @Test
    void aChangedFileIsNamedAndTheOthersPass() throws Exception {
        Path changed = rewrite(write(), "nonconformances/register.csv", content -> content.replace("REWORK", "SCRAP!"));
        EvidencePackVerifier.Verification verification = EvidencePackVerifier.verify(changed, null);
        assertThat(verification.signatureValid()).isTrue();
        assertThat(verification.keyUsed()).startsWith("the public key inside the pack");
        assertThat(verification.problems()).singleElement().asString()
                .startsWith("nonconformances/register.csv: changed (SHA-256 ");
    }

    @Test
    void aChangedManifestFailsItsSignatureAndAMissingOrAddedFileIsNamed() throws Exception {
        Path pack = rewrite(write(), "manifest.json", content -> content.replace("2026-11-02T06:00:00Z",
                "2026-11-02T05:00:00Z"));
        assertThat(EvidencePackVerifier.verify(pack, keys.publicKey()).problems()).singleElement().asString()
                .startsWith("manifest.json: its signature (manifest.sig) does not verify with the given public key");

        Path moved = rewrite(write(), "gauges/calibrations.csv", null);
        assertThat(EvidencePackVerifier.verify(moved, keys.publicKey()).problems())
                .containsExactly("gauges/calibrations.csv: missing", "gauges/calibrations.csv.bak: added (not in the manifest)");
    }

    @Test
    void aPackSignedByAnotherInstanceFailsWithThatInstancesKey() throws Exception {
        AuditKeys other = AuditKeys.loadOrCreate(dir.resolve("other"));
        assertThat(EvidencePackVerifier.verify(write(), other.publicKey()).problems()).singleElement().asString()
                .contains("or the pack was signed by another instance");
    }

    @Test
    void theChainHeadOfAPackIsComparedWithTheStoresChain() throws Exception {
        JsonNode manifest = EvidencePackVerifier.verify(write(), keys.publicKey()).manifest();
        assertThat(EvidencePackVerifier.compareChainHead(manifest, true, "AB".repeat(32))).isEmpty();
        assertThat(EvidencePackVerifier.compareChainHead(manifest, true, "cd".repeat(32))).singleElement().asString()
                .contains("at global index 19 the store's chain hash is cdcd", "changed since the pack was cut");
        assertThat(EvidencePackVerifier.compareChainHead(manifest, false, null)).singleElement().asString()
                .contains("does not hold");
        assertThat(EvidencePackVerifier.compareChainHead(JSON.readTree("{\"chainHead\": null}"), false, null)).isEmpty();
    }

    @Test
    void somethingThatIsNotAPackIsUnreadable() throws IOException {
        Path text = Files.writeString(dir.resolve("not-a-pack.zip"), "hello");
        assertThatThrownBy(() -> EvidencePackVerifier.verify(text, null))
                .isInstanceOf(EvidencePackVerifier.UnreadablePackException.class)
                .hasMessageContaining("is not a zip file");
    }

    @Test
    void eventsOutOfOrderAreRefused() {
        try (EvidencePackWriter writer = new EvidencePackWriter(new EvidencePeriod(T1, T2), (s, l, u, n) -> Map.of(),
                dir.resolve("spool"))) {
            writer.accept(events.get(1));
            assertThatThrownBy(() -> writer.accept(events.get(0))).hasMessageContaining("global order: 1 after 2");
        }
    }

    @Test
    void aPeriodMustEndAfterItStarts() {
        assertThatThrownBy(() -> new EvidencePeriod(T2, T1)).hasMessageContaining("must end after it starts");
    }

    private Path write() throws IOException {
        return write(writer -> { });
    }

    /** The pack of the story; {@code beforeFinish} sees the writer once every event is fed. */
    private Path write(java.util.function.Consumer<EvidencePackWriter> beforeFinish) throws IOException {
        Path pack = dir.resolve("pack-" + System.nanoTime() + ".zip");
        CapabilityStudy study = (subgroups, lsl, usl, nominal) -> {
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("lsl", lsl);
            figures.put("cp", 1.5);
            figures.put("cpk", 1.2);
            return figures;
        };
        try (EvidencePackWriter writer = new EvidencePackWriter(new EvidencePeriod(T1, T2), study, dir.resolve("spool"));
             OutputStream out = Files.newOutputStream(pack)) {
            events.forEach(writer::accept);
            beforeFinish.accept(writer);
            writer.finish(out, new ChainHead(19, "ab".repeat(32), null, null, null, null), keys, T2.plusSeconds(60));
        }
        return pack;
    }

    /**
     * A copy of the pack with one file's content changed, or (change null) renamed to NAME.bak, re-packed as
     * {@code zip -r} re-packs a folder: with an entry for each folder.
     */
    private Path rewrite(Path pack, String name, java.util.function.UnaryOperator<String> change) throws IOException {
        Path copy = dir.resolve("changed-" + System.nanoTime() + ".zip");
        java.util.Set<String> folders = new java.util.HashSet<>();
        try (ZipFile zip = new ZipFile(pack.toFile()); ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(copy))) {
            for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                byte[] content = zip.getInputStream(entry).readAllBytes();
                String target = entry.getName();
                int slash = target.lastIndexOf('/');
                if (slash > 0 && folders.add(target.substring(0, slash + 1))) {
                    out.putNextEntry(new ZipEntry(target.substring(0, slash + 1)));
                    out.closeEntry();
                }
                if (target.equals(name)) {
                    if (change == null) {
                        target = name + ".bak";
                    } else {
                        content = change.apply(new String(content, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                    }
                }
                out.putNextEntry(new ZipEntry(target));
                out.write(content);
                out.closeEntry();
            }
        }
        return copy;
    }

    private void event(Class<?> type, String recordedAt, String principal, String payload) {
        int index = events.size() + 1;
        try {
            JsonNode metadata = JSON.readTree("{\"principal\":\"" + principal + "\",\"roles\":[\""
                    + (principal.startsWith("mill") ? "MACHINE" : "QUALITY_MANAGER") + "\"],\"source\":\"test\","
                    + "\"correlationId\":\"corr-" + index + "\",\"causationId\":\"cause-" + index + "\"}");
            JsonNode body = JSON.readTree(payload);
            String aggregate = body.fields().next().getValue().asText();
            events.add(new StoredEvent(index, "event-" + index, type.getSimpleName(), aggregate, index, type.getName(),
                    Instant.parse(recordedAt), body, metadata));
        } catch (IOException e) {
            throw new IllegalArgumentException(payload, e);
        }
    }

    private static String part(String serial, String lot) {
        return "{\"serial\":\"" + serial + "\",\"partNumber\":\"PN-1234\",\"machineId\":\"mill-01\",\"program\":\"O1234\","
                + "\"toolId\":\"T1\",\"lot\":\"" + lot + "\",\"producedAt\":\"2026-11-02T06:30:00Z\"}";
    }

    private static String measurement(String serial, double value, long subgroup, String observedAt) {
        return "{\"characteristicId\":\"pn1234-bore\",\"value\":" + value + ",\"partSerial\":\"" + serial
                + "\",\"gaugeId\":\"mic-7\",\"observedAt\":\"" + observedAt + "\",\"subgroup\":" + subgroup + "}";
    }

    private static List<String> lines(ZipFile zip, String name) throws IOException {
        ZipEntry entry = zip.getEntry(name);
        assertThat(entry).as(name).isNotNull();
        return new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }

    private static JsonNode json(ZipFile zip, String name) throws IOException {
        return JSON.readTree(zip.getInputStream(zip.getEntry(name)));
    }
}
