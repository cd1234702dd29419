package io.cncvision.app.simulation;

import io.cncvision.cnc.simulator.LatheState;
import io.cncvision.cnc.simulator.SimulatedLathe;
import io.cncvision.vision.render.PartFrame;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
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

    /**
     * {@code defects}: a folder of defect images (searched below it), or null for scratches drawn on the face;
     * {@code defectRate} of the parts show one.
     */
    public LatheCamera(long seed, Path defects, double defectRate) throws IOException {
        this.random = new Random(seed);
        this.defectRate = defectRate;
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
            defect = defects.isEmpty() ? scratches() : read(defects.get(random.nextInt(defects.size())));
        }
        double outer = OUTER_DIAMETER_MM + 0.003 * random.nextGaussian();
        return PartFrame.render(outer, state.lastBore(), MM_PER_PIXEL, serial(state), defect, random.nextLong());
    }

    private static BufferedImage read(Path file) {
        try {
            return ImageIO.read(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read defect image " + file, e);
        }
    }

    /** A machined face with a few dark scratches across it and a pit or two, as a tool dragged over it leaves. */
    BufferedImage scratches() {
        BufferedImage face = new BufferedImage(200, 200, BufferedImage.TYPE_BYTE_GRAY);
        WritableRaster raster = face.getRaster();
        for (int y = 0; y < 200; y++) {
            for (int x = 0; x < 200; x++) {
                raster.setSample(x, y, 0, (int) Math.round(128 + 2 * random.nextGaussian()));
            }
        }
        Graphics2D g = face.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        int lines = 4 + random.nextInt(4);
        for (int i = 0; i < lines; i++) {
            int level = 50 + random.nextInt(40);
            g.setColor(new Color(level, level, level));
            g.setStroke(new BasicStroke(3f + 2 * random.nextFloat(), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.drawLine(random.nextInt(200), random.nextInt(200), random.nextInt(200), random.nextInt(200));
        }
        for (int i = random.nextInt(3); i > 0; i--) {
            int r = 3 + random.nextInt(6);
            g.setColor(new Color(40, 40, 40));
            g.fillOval(random.nextInt(200 - 2 * r), random.nextInt(200 - 2 * r), 2 * r, 2 * r);
        }
        g.dispose();
        return face;
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
