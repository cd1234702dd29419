package io.cncvision.vision.code;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.datamatrix.DataMatrixWriter;
import com.google.zxing.datamatrix.encoder.SymbolShapeHint;
import com.google.zxing.qrcode.QRCodeWriter;
import io.cncvision.api.machine.CycleCompleted;
import io.cncvision.api.value.GaugeId;
import io.cncvision.api.value.MachineId;
import io.cncvision.api.value.Serial;
import io.cncvision.api.value.SourceMessageId;
import io.cncvision.vision.camera.Frame;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SerialCodeReaderTest {

    static final String SERIAL = "SN-2026-000417";
    static final Instant T0 = Instant.parse("2026-11-25T08:00:00Z");

    /** A code of {@code modulePx} pixel modules, turned by {@code degrees}, on a 640x480 grey scene with noise. */
    static BufferedImage scene(BarcodeFormat format, String text, int modulePx, double degrees, double noiseSigma,
                               long seed) throws Exception {
        BitMatrix matrix = format == BarcodeFormat.DATA_MATRIX
                ? new DataMatrixWriter().encode(text, format, 0, 0,
                        Map.of(EncodeHintType.DATA_MATRIX_SHAPE, SymbolShapeHint.FORCE_SQUARE))
                : new QRCodeWriter().encode(text, format, 0, 0, Map.of(EncodeHintType.MARGIN, 0));
        int size = matrix.getWidth() * modulePx;
        BufferedImage code = new BufferedImage(size, matrix.getHeight() * modulePx, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < code.getHeight(); y++) {
            for (int x = 0; x < size; x++) {
                code.getRaster().setSample(x, y, 0, matrix.get(x / modulePx, y / modulePx) ? 30 : 225);
            }
        }
        BufferedImage scene = new BufferedImage(640, 480, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = scene.createGraphics();
        g.setColor(new Color(200, 200, 200));
        g.fillRect(0, 0, 640, 480);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(225, 225, 225));
        g.rotate(Math.toRadians(degrees), 320, 240);
        // A light quiet zone around the code, as a laser mark on a bright part has.
        int quiet = 3 * modulePx;
        g.fillRect(320 - size / 2 - quiet, 240 - code.getHeight() / 2 - quiet, size + 2 * quiet,
                code.getHeight() + 2 * quiet);
        g.drawImage(code, 320 - size / 2, 240 - code.getHeight() / 2, null);
        g.dispose();
        Random random = new Random(seed);
        for (int y = 0; y < 480; y++) {
            for (int x = 0; x < 640; x++) {
                int v = scene.getRaster().getSample(x, y, 0) + (int) Math.round(random.nextGaussian() * noiseSigma);
                scene.getRaster().setSample(x, y, 0, Math.max(0, Math.min(255, v)));
            }
        }
        return scene;
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, 90, 180, 270, 15, 30, 45, 63, 137})
    void readsADataMatrixTurnedAndNoisy(double degrees) throws Exception {
        BufferedImage image = scene(BarcodeFormat.DATA_MATRIX, SERIAL, 6, degrees, 5, (long) degrees);

        assertThat(new SerialCodeReader().read(image)).hasValueSatisfying(decoded -> {
            assertThat(decoded.text()).isEqualTo(SERIAL);
            assertThat(decoded.format()).isEqualTo("DATA_MATRIX");
        });
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, 90, 180, 33, 45, 217})
    void readsAQrCodeTurnedAndNoisy(double degrees) throws Exception {
        BufferedImage image = scene(BarcodeFormat.QR_CODE, SERIAL, 5, degrees, 5, 7 + (long) degrees);

        assertThat(new SerialCodeReader().read(image)).hasValueSatisfying(decoded -> {
            assertThat(decoded.text()).isEqualTo(SERIAL);
            assertThat(decoded.format()).isEqualTo("QR_CODE");
        });
    }

    @Test
    void readsACodeInTheRegionWhereItIsMarked() throws Exception {
        BufferedImage scene = scene(BarcodeFormat.DATA_MATRIX, SERIAL, 4, 10, 4, 11);
        BufferedImage wide = new BufferedImage(1280, 1024, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = wide.createGraphics();
        g.setColor(new Color(210, 210, 210));
        g.fillRect(0, 0, 1280, 1024);
        g.setColor(new Color(25, 25, 25));
        g.fillOval(100, 150, 700, 700); // the part, dark against the backlight
        g.drawImage(scene.getSubimage(220, 140, 200, 200), 1000, 60, null);
        g.dispose();

        assertThat(new SerialCodeReader().read(wide, new java.awt.Rectangle(960, 20, 300, 300)))
                .hasValueSatisfying(decoded -> assertThat(decoded.text()).isEqualTo(SERIAL));
    }

    @Test
    void findsNothingWhereThereIsNoCode() {
        BufferedImage blank = new BufferedImage(640, 480, BufferedImage.TYPE_BYTE_GRAY);

        assertThat(new SerialCodeReader().read(blank)).isEmpty();
    }

    @Test
    void namesThePartByItsCodeOrElseByTheMachinesLastCycle() throws Exception {
        GaugeId camera = GaugeId.of("cam-1");
        MachineId lathe = MachineId.of("lathe-1");
        LastCycleSerialFallback cycles = new LastCycleSerialFallback(Map.of(camera, lathe), Duration.ofMinutes(2));
        cycles.cycleCompleted(lathe, Serial.of("SN-FROM-CYCLE"), T0.minusSeconds(20));
        PartIdentifier identifier = new PartIdentifier(cycles);

        Frame coded = new Frame(camera, 1, "f1", T0, scene(BarcodeFormat.DATA_MATRIX, SERIAL, 6, 0, 2, 1));
        Frame uncoded = new Frame(camera, 2, "f2", T0, new BufferedImage(64, 64, BufferedImage.TYPE_BYTE_GRAY));
        Frame late = new Frame(camera, 3, "f3", T0.plusSeconds(600), uncoded.image());

        assertThat(identifier.identify(coded)).contains(
                new PartIdentifier.Identification(Serial.of(SERIAL), PartIdentifier.Source.CODE));
        assertThat(identifier.identify(uncoded)).contains(
                new PartIdentifier.Identification(Serial.of("SN-FROM-CYCLE"), PartIdentifier.Source.FALLBACK));
        assertThat(identifier.identify(late)).isEmpty();
    }

    @Test
    void aMachineThatDoesNotKnowItsSerialsNamesThePartByItsCycle() {
        GaugeId camera = GaugeId.of("cam-1");
        MachineId lathe = MachineId.of("lathe-1");
        LastCycleSerialFallback cycles = new LastCycleSerialFallback(Map.of(camera, lathe), Duration.ofMinutes(2));
        cycles.cycleCompleted(new CycleCompleted(lathe, "O1234", null, 417, T0.minusSeconds(3),
                SourceMessageId.of("lathe-1/part-417")));

        assertThat(cycles.serialFor(camera, T0)).contains(Serial.of("lathe-1.417"));
        assertThat(cycles.serialFor(GaugeId.of("cam-2"), T0)).isEmpty();
    }

    @Test
    void aCodeThatIsNotASerialNamesNoPart() throws Exception {
        Frame frame = new Frame(GaugeId.of("cam-1"), 1, "f1", T0,
                scene(BarcodeFormat.QR_CODE, "not a serial!", 5, 0, 2, 3));

        assertThat(new PartIdentifier(SerialFallback.NONE).identify(frame)).isEmpty();
    }
}
