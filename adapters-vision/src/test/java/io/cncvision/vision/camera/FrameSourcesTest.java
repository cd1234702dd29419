package io.cncvision.vision.camera;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Java2DFrameConverter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FrameSourcesTest {

    @TempDir
    Path folder;

    static BufferedImage grey(int level, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        var g = image.createGraphics();
        g.setColor(new java.awt.Color(level, level, level));
        g.fillRect(0, 0, width, height);
        g.dispose();
        return image;
    }

    static byte[] png(BufferedImage image) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    static int meanLevel(BufferedImage image) {
        long sum = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                sum += image.getRGB(x, y) & 0xff;
            }
        }
        return (int) Math.round((double) sum / (image.getWidth() * image.getHeight()));
    }

    @Test
    void aFileWrittenIntoTheFolderIsReadOnceWhenItIsComplete() throws Exception {
        byte[] bytes = png(grey(120, 320, 240));
        try (FolderFrameSource source = new FolderFrameSource(folder, Duration.ofMillis(150), Duration.ofSeconds(5),
                Clock.systemUTC())) {
            source.open();
            Path file = folder.resolve("part-0001.png");
            Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 3));

            assertThat(source.next(Duration.ofMillis(100))).as("half written").isNull();
            Thread.sleep(50);
            Files.write(file, bytes);
            CapturedImage image = source.next(Duration.ofSeconds(3));

            assertThat(image).isNotNull();
            assertThat(image.frameId()).isEqualTo("part-0001.png");
            assertThat(image.image().getWidth()).isEqualTo(320);
            assertThat(meanLevel(image.image())).isEqualTo(120);
            assertThat(source.next(Duration.ofMillis(400))).as("read once").isNull();
        }
    }

    @Test
    void aFileWrittenUnderATemporaryNameIsReadUnderItsFinalName() throws Exception {
        try (FolderFrameSource source = new FolderFrameSource(folder, Duration.ofMillis(50), Duration.ofSeconds(5),
                Clock.systemUTC())) {
            source.open();
            Path temporary = folder.resolve("part-0002.png.tmp");
            Files.write(temporary, png(grey(60, 64, 48)));
            Files.move(temporary, folder.resolve("part-0002.png"), StandardCopyOption.ATOMIC_MOVE);

            CapturedImage image = source.next(Duration.ofSeconds(3));

            assertThat(image.frameId()).isEqualTo("part-0002.png");
            assertThat(source.next(Duration.ofMillis(200))).isNull();
        }
    }

    @Test
    void aFileThatNeverDecodesIsSkippedAndCounted() throws Exception {
        try (FolderFrameSource source = new FolderFrameSource(folder, Duration.ofMillis(50), Duration.ofMillis(400),
                Clock.systemUTC())) {
            source.open();
            Files.writeString(folder.resolve("broken.png"), "not an image");
            Files.write(folder.resolve("good.png"), png(grey(200, 16, 16)));

            CapturedImage image = source.next(Duration.ofSeconds(3));
            assertThat(image.frameId()).isEqualTo("good.png");
            assertThat(source.next(Duration.ofSeconds(1))).isNull();
            assertThat(source.unreadable()).isEqualTo(1);
        }
    }

    @Test
    void aVideoFileGivesItsFramesInOrder() throws Exception {
        Path video = folder.resolve("parts.avi");
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(video.toFile(), 160, 120, 0);
             Java2DFrameConverter converter = new Java2DFrameConverter()) {
            recorder.setFormat("avi");
            recorder.setVideoCodec(avcodec.AV_CODEC_ID_MJPEG);
            recorder.setPixelFormat(avutil.AV_PIX_FMT_YUVJ420P);
            recorder.setVideoQuality(2);
            recorder.setFrameRate(30);
            recorder.start();
            for (int i = 0; i < 8; i++) {
                recorder.record(converter.convert(grey(20 + 25 * i, 160, 120)));
            }
            recorder.stop();
        }

        List<Integer> levels = new ArrayList<>();
        try (GrabberFrameSource source = GrabberFrameSource.videoFile(video, GrabberFrameSource.AtEnd.STOP, false,
                Clock.systemUTC())) {
            source.open();
            CapturedImage image;
            while ((image = source.next(Duration.ofMillis(100))) != null) {
                assertThat(image.image().getWidth()).isEqualTo(160);
                levels.add(meanLevel(image.image()));
            }
        }

        assertThat(levels).hasSize(8);
        for (int i = 0; i < 8; i++) {
            assertThat(levels.get(i)).isBetween(20 + 25 * i - 4, 20 + 25 * i + 4);
        }
    }
}
