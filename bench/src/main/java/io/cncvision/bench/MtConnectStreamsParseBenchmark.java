package io.cncvision.bench;

import io.cncvision.cnc.mtconnect.MtConnectAgentServer;
import io.cncvision.cnc.mtconnect.MtConnectParser;
import io.cncvision.cnc.mtconnect.StreamsDocument;
import io.cncvision.cnc.simulator.SimulatedLathe;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * MTConnect streams parsing throughput: one {@code /sample} answer of the simulator's agent holding
 * 50,000 observations of a lathe at work (6.5 MB of MTConnectStreams 1.3), parsed whole with
 * {@link MtConnectParser}. The {@code megabytesParsed} counter is the throughput in MB/s (10^6 bytes);
 * the issue asks for at least 50.
 *
 * <p>Run: {@code java -cp <bench classpath> org.openjdk.jmh.Main MtConnectStreamsParse -wi 2 -i 3 -f 1}
 * (see {@code bench/scripts/mtconnect-parse.sh}).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class MtConnectStreamsParseBenchmark {

    static final int OBSERVATIONS = 50_000;

    private byte[] document;
    private final MtConnectParser parser = new MtConnectParser();

    /** Counts what was parsed: reported per second, this is MB/s. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Parsed {
        public double megabytesParsed;
    }

    @Setup(Level.Trial)
    public void sampleFromTheSimulatorsAgent() throws Exception {
        SimulatedLathe lathe = new SimulatedLathe(1, Instant.parse("2026-01-05T06:00:00Z"));
        try (MtConnectAgentServer agent = new MtConnectAgentServer(2 * OBSERVATIONS)) {
            agent.start(lathe, 0);
            while (agent.nextSequence() < OBSERVATIONS + 1) {
                lathe.advance(Duration.ofMinutes(1));
            }
            HttpResponse<byte[]> sample = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                    agent.endpoint() + "/sample?from=1&count=" + OBSERVATIONS)).build(), HttpResponse.BodyHandlers.ofByteArray());
            document = sample.body();
        }
        StreamsDocument parsed = parser.parseStreams(new ByteArrayInputStream(document));
        if (parsed.entries().size() != OBSERVATIONS) {
            throw new IllegalStateException("expected " + OBSERVATIONS + " observations, parsed " + parsed.entries().size());
        }
        System.out.printf(Locale.ROOT, "%nMTConnectStreams document: %,d bytes, %,d observations%n", document.length,
                parsed.entries().size());
    }

    @Benchmark
    public StreamsDocument parseStreams(Parsed parsed) throws Exception {
        StreamsDocument streams = parser.parseStreams(new ByteArrayInputStream(document));
        parsed.megabytesParsed += document.length / 1e6;
        return streams;
    }
}
