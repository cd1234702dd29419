package io.cncvision.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cncvision.api.characteristic.CorrectionProposed;
import io.cncvision.api.machine.ToolOffsetAdjustmentApplied;
import io.cncvision.api.machine.ToolOffsetAdjustmentRequested;
import io.cncvision.app.simulation.Demo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The closed loop's reaction time on the demo's shop floor: from the capture of the frame of the part whose value
 * completed the signalling subgroup to the corrected offset written to the lathe and read back, for every
 * correction made. Stages: capture to the proposal recorded (inspection, measurement, judgement), to the request
 * recorded (the saga and the machine), to the write confirmed (the connector and the machine's server).
 *
 * <p>Arguments: {@code machines speed seconds}. The lathes run over OPC-UA and Modbus TCP with a camera each,
 * exactly as {@code ./cncvision demo} runs them.
 */
public final class ClosedLoopLatencyHarness {

    public static void main(String[] args) throws Exception {
        int machines = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        double speed = args.length > 1 ? Double.parseDouble(args[1]) : 60;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 180;
        Path dataDir = Files.createTempDirectory("cncvision-closed-loop");
        Demo.Settings settings = new Demo.Settings(machines, speed, 1, null, 0.03, Path.of("models", "neu-det"),
                dataDir, List.of("--server.port=0", "--logging.level.root=warn"));
        Histogram total = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
        Histogram judged = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
        Histogram requested = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
        Histogram written = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
        Map<String, Long> summary;
        try (Demo demo = Demo.start(settings)) {
            Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
            summary = demo.summary();
            JdbcTemplate jdbc = demo.context().getBean(JdbcTemplate.class);
            ObjectMapper json = demo.context().getBean(ObjectMapper.class);
            // Each request follows the proposal that caused it: the last one of its characteristic before it.
            Map<String, JsonNode> proposalOf = new HashMap<>();
            Map<String, Instant> proposedAt = new HashMap<>();
            Map<String, Instant> requestedAt = new HashMap<>();
            Map<String, JsonNode> lastProposal = new HashMap<>();
            Map<String, Instant> lastProposalRecorded = new HashMap<>();
            jdbc.query("SELECT event_type, convert_from(payload, 'UTF8'), time_stamp FROM eventstore.events"
                    + " WHERE event_type IN (?, ?) ORDER BY global_index", row -> {
                        try {
                            JsonNode event = json.readTree(row.getString(2));
                            Instant recorded = Instant.parse(row.getString(3));
                            String characteristic = event.path("characteristicId").asText();
                            if (row.getString(1).equals(CorrectionProposed.class.getName())) {
                                lastProposal.put(characteristic, event);
                                lastProposalRecorded.put(characteristic, recorded);
                            } else if (lastProposal.containsKey(characteristic)) {
                                String request = event.path("requestId").asText();
                                proposalOf.put(request, lastProposal.get(characteristic));
                                proposedAt.put(request, lastProposalRecorded.get(characteristic));
                                requestedAt.put(request, recorded);
                            }
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }, CorrectionProposed.class.getName(), ToolOffsetAdjustmentRequested.class.getName());
            jdbc.query("SELECT convert_from(payload, 'UTF8') FROM eventstore.events WHERE event_type = ?"
                    + " ORDER BY global_index", row -> {
                        try {
                            JsonNode applied = json.readTree(row.getString(1));
                            String request = applied.path("requestId").asText();
                            JsonNode proposal = proposalOf.get(request);
                            if (proposal == null) {
                                return;
                            }
                            Instant captured = Instant.parse(proposal.path("observedAt").asText());
                            Instant writtenAt = Instant.parse(applied.path("writtenAt").asText());
                            total.recordValue(micros(captured, writtenAt));
                            judged.recordValue(micros(captured, proposedAt.get(request)));
                            requested.recordValue(micros(proposedAt.get(request), requestedAt.get(request)));
                            written.recordValue(micros(requestedAt.get(request), writtenAt));
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }, ToolOffsetAdjustmentApplied.class.getName());
        }
        System.out.printf(Locale.ROOT, "%d machines at speed %.0f for %d s: %s%n", machines, speed, seconds, summary);
        print("capture -> offset written", total);
        print("  capture -> proposal recorded", judged);
        print("  proposal -> request recorded", requested);
        print("  request -> offset written", written);
        System.exit(0);
    }

    private static long micros(Instant from, Instant to) {
        return Math.max(0, Duration.between(from, to).toNanos() / 1000);
    }

    private static void print(String what, Histogram h) {
        System.out.printf(Locale.ROOT, "%-32s n=%d p50=%.1f ms p90=%.1f ms p99=%.1f ms max=%.1f ms%n", what,
                h.getTotalCount(), h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(90) / 1000.0,
                h.getValueAtPercentile(99) / 1000.0, h.getMaxValue() / 1000.0);
    }
}
