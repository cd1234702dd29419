package io.cncvision.app.simulation;

import io.cncvision.cnc.simulator.LatheState;
import io.cncvision.cnc.simulator.SimulatedLathe;
import io.cncvision.vision.render.PartFrame;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * The simulated camera at a simulated lathe's outfeed: each part the lathe makes is rendered with its
 * actual bore, an outer diameter of {@value #OUTER_DIAMETER_MM} mm, its serial (the one the lathe's
 * controller publishes, {@link SimulatedLathe#partSerial}) marked as a DataMatrix,
 * and now and then (at {@code defectRate}) a surface defect taken from a folder of defect images.
 * Deterministic from its seed.
 */
public final class LatheCamera {

    /** The scale of the camera's frames at the working plane. */
    public static final double MM_PER_PIXEL = 0.05;
    public static final double OUTER_DIAMETER_MM = 45.0;

    private final Random random;
    private final List<Path> defects;
    private final double defectRate;
    private long lastCount;

    /** {@code defects}: a folder of defect images (searched below it), or null for none. */
    public LatheCamera(long seed, Path defects, double defectRate) throws IOException {
        this.random = new Random(seed);
        this.defectRate = defects == null ? 0 : defectRate;
        if (defects == null) {
            this.defects = List.of();
        } else {
            try (Stream<Path> files = Files.walk(defects)) {
                this.defects = files.filter(Files::isRegularFile).sorted().toList();
            }
            if (this.defects.isEmpty()) {
                throw new IllegalArgumentException("no defect images under " + defects);
            }
        }
    }

    /** Photographs every part {@code lathe} makes from now on, handing each frame and its serial to {@code frames}. */
    public void watch(SimulatedLathe lathe, BiConsumer<String, BufferedImage> frames) {
        lastCount = lathe.state().partCount();
        lathe.onChange(state -> {
            if (state.partCount() > lastCount) {
                lastCount = state.partCount();
                frames.accept(serial(state), frame(state));
            }
        });
    }

    String serial(LatheState state) {
        return state.partSerial();
    }

    BufferedImage frame(LatheState state) {
        BufferedImage defect = null;
        if (random.nextDouble() < defectRate) {
            Path file = defects.get(random.nextInt(defects.size()));
            try {
                defect = ImageIO.read(file.toFile());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read defect image " + file, e);
            }
        }
        double outer = OUTER_DIAMETER_MM + 0.003 * random.nextGaussian();
        return PartFrame.render(outer, state.lastBore(), MM_PER_PIXEL, serial(state), defect, random.nextLong());
    }

    /** Writes a frame into {@code folder} as {@code <serial>.png}, whole: a watching camera never sees half a file. */
    public static void write(Path folder, String serial, BufferedImage frame) {
        try {
            Path partial = folder.resolve(serial + ".png.partial");
            ImageIO.write(frame, "png", partial.toFile());
            Files.move(partial, folder.resolve(serial + ".png"), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the frame of " + serial + " into " + folder, e);
        }
    }
}
