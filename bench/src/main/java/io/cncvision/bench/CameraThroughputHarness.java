package io.cncvision.bench;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.datamatrix.DataMatrixWriter;
import com.google.zxing.datamatrix.encoder.SymbolShapeHint;
import io.cncvision.api.value.GaugeId;
import io.cncvision.vision.camera.CameraChannel;
import io.cncvision.vision.camera.CameraListener;
import io.cncvision.vision.camera.CameraSettings;
import io.cncvision.vision.camera.FrameProcessor;
import io.cncvision.vision.camera.SimulatedCamera;
import io.cncvision.vision.camera.VisionPipeline;
import io.cncvision.vision.code.SerialCodeReader;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.time.Clock;
import java.time.Duration;
import io.cncvision.api.value.CalibrationId;
import io.cncvision.vision.code.PartIdentifier;
import io.cncvision.vision.code.SerialFallback;
import io.cncvision.vision.defect.DefectClassifier;
import io.cncvision.vision.gauge.RecipeException;
import io.cncvision.vision.gauge.RecipeGauge;
import io.cncvision.vision.gauge.Recipes;
import io.cncvision.vision.inspection.PartInspector;
import io.cncvision.vision.render.PartFrame;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Camera throughput: simulated cameras deliver 1280x1024 grey frames at a fixed rate each, through their bounded
 * drop-oldest queues, into a pipeline of workers running a stand-in processing stage (gauging and classification
 * are not in yet). Reports frames offered, processed and dropped per second, and the processing time and the
 * time from capture to processed.
 *
 * <p>Arguments: {@code cameras fps seconds workers queue stage}, stage one of {@code code+threshold} (a ZXing
 * DataMatrix/QR read with TRY_HARDER plus a global threshold count), {@code threshold}, {@code busy:MICROS}
 * (spins that long) or {@code none}. Defaults: {@code 8 30 30 2 4 code+threshold}.
 */
public final class CameraThroughputHarness {

    private static final int WIDTH = 1280;
    private static final int HEIGHT = 1024;
    // Where the scene's DataMatrix is marked, centred on it: a recipe names it, as the ring fills the image.
    private static final java.awt.Rectangle CODE_REGION = new java.awt.Rectangle(940, 40, 200, 200);

    public static void main(String[] args) throws Exception {
        int cameras = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        int fps = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        int workers = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        int queue = args.length > 4 ? Integer.parseInt(args[4]) : 4;
        String stage = args.length > 5 ? args[5] : "code+threshold";

        List<BufferedImage> scenes = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            scenes.add(stage.equals("inspect") ? partFrame(i) : scene("SN-" + String.format("%06d", i), i));
        }
        Histogram processingMicros = new ConcurrentHistogram(TimeUnit.SECONDS.toMicros(10), 3);
        Histogram captureToDoneMicros = new ConcurrentHistogram(TimeUnit.SECONDS.toMicros(60), 3);
        AtomicLong codesRead = new AtomicLong();
        AtomicLong measuring = new AtomicLong();
        FrameProcessor work = processor(stage, codesRead);
        FrameProcessor timed = frame -> {
            long start = System.nanoTime();
            work.process(frame);
            if (measuring.get() == 1) {
                processingMicros.recordValue((System.nanoTime() - start) / 1000);
                captureToDoneMicros.recordValue(Math.max(0,
                        Duration.between(frame.capturedAt(), java.time.Instant.now()).toNanos() / 1000));
            }
        };
        Clock clock = Clock.systemUTC();
        CameraSettings settings = new CameraSettings(queue, Duration.ofSeconds(5), Duration.ofMillis(500),
                Duration.ofSeconds(5));
        AtomicLong offered = new AtomicLong();
        AtomicLong refusedByCamera = new AtomicLong();
        ScheduledExecutorService shutter = Executors.newScheduledThreadPool(1);
        try (VisionPipeline pipeline = new VisionPipeline(timed, workers, clock, CameraListener.NONE)) {
            List<SimulatedCamera<Integer>> simulated = new ArrayList<>();
            for (int c = 0; c < cameras; c++) {
                SimulatedCamera<Integer> camera = new SimulatedCamera<>("bench-" + c,
                        n -> scenes.get(n % scenes.size()), 2, clock);
                simulated.add(camera);
                pipeline.addCamera(GaugeId.of("bench-" + c), camera, settings);
            }
            pipeline.start();
            long periodNanos = TimeUnit.SECONDS.toNanos(1) / fps;
            for (int c = 0; c < cameras; c++) {
                SimulatedCamera<Integer> camera = simulated.get(c);
                AtomicLong n = new AtomicLong(c);
                // Cameras are not in phase: each starts its period at a different offset.
                shutter.scheduleAtFixedRate(() -> {
                    offered.incrementAndGet();
                    if (!camera.show((int) n.getAndIncrement())) {
                        refusedByCamera.incrementAndGet();
                    }
                }, c * periodNanos / cameras, periodNanos, TimeUnit.NANOSECONDS);
            }
            Thread.sleep(3000); // warm up: JIT, ZXing tables
            long offered0 = offered.get();
            long processed0 = pipeline.processed();
            long dropped0 = pipeline.dropped();
            long captured0 = pipeline.cameras().stream().mapToLong(CameraChannel::captured).sum();
            long start = System.nanoTime();
            measuring.set(1);
            Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
            measuring.set(0);
            double elapsed = (System.nanoTime() - start) / 1e9;
            long offeredN = offered.get() - offered0;
            long processedN = pipeline.processed() - processed0;
            long droppedN = pipeline.dropped() - dropped0;
            long capturedN = pipeline.cameras().stream().mapToLong(CameraChannel::captured).sum() - captured0;
            shutter.shutdownNow();
            System.out.printf(Locale.ROOT, "cameras=%d fps=%d workers=%d queue=%d stage=%s cores=%d seconds=%.1f%n",
                    cameras, fps, workers, queue, stage, Runtime.getRuntime().availableProcessors(), elapsed);
            System.out.printf(Locale.ROOT, "offered %.1f frames/s, captured %.1f/s, processed %.1f/s, dropped %.1f/s"
                            + " (%.1f %% of captured), refused by a full camera %d, failed %d, codes read %d%n",
                    offeredN / elapsed, capturedN / elapsed, processedN / elapsed, droppedN / elapsed,
                    capturedN == 0 ? 0 : 100.0 * droppedN / capturedN, refusedByCamera.get(), pipeline.failed(),
                    codesRead.get());
            System.out.printf(Locale.ROOT, "processing: p50 %.2f ms, p99 %.2f ms, max %.2f ms; capture to processed:"
                            + " p50 %.1f ms, p99 %.1f ms%n",
                    processingMicros.getValueAtPercentile(50) / 1000.0,
                    processingMicros.getValueAtPercentile(99) / 1000.0, processingMicros.getMaxValue() / 1000.0,
                    captureToDoneMicros.getValueAtPercentile(50) / 1000.0,
                    captureToDoneMicros.getValueAtPercentile(99) / 1000.0);
        } finally {
            shutter.shutdownNow();
        }
    }

    private static FrameProcessor processor(String stage, AtomicLong codesRead) {
        if (stage.startsWith("busy:")) {
            long nanos = TimeUnit.MICROSECONDS.toNanos(Long.parseLong(stage.substring(5)));
            return frame -> {
                long until = System.nanoTime() + nanos;
                while (System.nanoTime() < until) {
                    Thread.onSpinWait();
                }
            };
        }
        ThreadLocal<SerialCodeReader> readers = ThreadLocal.withInitial(SerialCodeReader::new);
        return switch (stage) {
            case "none" -> frame -> { };
            case "threshold" -> frame -> threshold(frame.image());
            case "code+threshold" -> frame -> {
                if (readers.get().read(frame.image(), CODE_REGION).isPresent()) {
                    codesRead.incrementAndGet();
                }
                threshold(frame.image());
            };
            case "inspect" -> inspection(codesRead);
            default -> throw new IllegalArgumentException(
                    "stage must be inspect, code+threshold, threshold, busy:MICROS or none");
        };
    }

    /**
     * The full inspection of {@link PartInspector} (gauge both diameters, read the serial, judge the face and
     * classify a defect with the committed model {@code models/neu-det}), on the simulated camera's frames.
     */
    private static FrameProcessor inspection(AtomicLong codesRead) {
        DefectClassifier classifier = DefectClassifier.load(Path.of("models/neu-det"));
        ThreadLocal<PartInspector> inspectors = ThreadLocal.withInitial(() -> {
            try {
                return new PartInspector(new PartInspector.Settings(new RecipeGauge(Recipes.byNameOrFile("ring"), 0.03),
                        new PartIdentifier(SerialFallback.NONE, PartFrame.CODE_REGION), classifier,
                        PartFrame.SURFACE_REGION, PartInspector.DEFAULT_TEXTURE_THRESHOLD, new CalibrationId("bench")),
                        null);
            } catch (RecipeException e) {
                throw new IllegalStateException(e);
            }
        });
        return frame -> {
            if (inspectors.get().inspect(frame).serial() != null) {
                codesRead.incrementAndGet();
            }
        };
    }

    /** What the simulated camera sees of a part: one in four shows a real NEU scratch on its face. */
    private static BufferedImage partFrame(int i) throws Exception {
        BufferedImage defect = null;
        if (i % 4 == 3) {
            try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(
                    Path.of("../shared/data/vision/neu-det-train/scratches"))) {
                defect = javax.imageio.ImageIO.read(files.sorted().skip(i / 4).findFirst().orElseThrow().toFile());
            }
        }
        return PartFrame.render(18 + 0.25 * i, 10 + 0.1 * i, 0.03, "SN-" + String.format("%06d", i), defect, i);
    }

    // Backlit part: the dark pixels are the part; their count stands in for an area measurement.
    private static long threshold(BufferedImage image) {
        byte[] pixels = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        long dark = 0;
        for (byte pixel : pixels) {
            if ((pixel & 0xff) < 128) {
                dark++;
            }
        }
        return dark;
    }

    /** A backlit ring with a DataMatrix serial beside it, grey noise over all. */
    private static BufferedImage scene(String serial, int seed) throws Exception {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(230, 230, 230));
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.setColor(new Color(25, 25, 25));
        g.fillOval(240, 212, 600, 600);
        g.setColor(new Color(230, 230, 230));
        g.fillOval(390, 362, 300, 300);
        BitMatrix code = new DataMatrixWriter().encode(serial, BarcodeFormat.DATA_MATRIX, 0, 0,
                Map.of(EncodeHintType.DATA_MATRIX_SHAPE, SymbolShapeHint.FORCE_SQUARE));
        int module = 6;
        g.setColor(new Color(30, 30, 30));
        for (int y = 0; y < code.getHeight(); y++) {
            for (int x = 0; x < code.getWidth(); x++) {
                if (code.get(x, y)) {
                    g.fillRect(1000 + x * module, 100 + y * module, module, module);
                }
            }
        }
        g.dispose();
        Random random = new Random(seed);
        byte[] pixels = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < pixels.length; i++) {
            int v = (pixels[i] & 0xff) + (int) Math.round(random.nextGaussian() * 3);
            pixels[i] = (byte) Math.max(0, Math.min(255, v));
        }
        return image;
    }
}
