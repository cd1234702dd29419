package io.cncvision.vision.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.cncvision.api.value.Sha256;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.security.MessageDigest;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSystemImageStoreTest {

    static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

    @TempDir
    Path root;

    static BufferedImage image(int seed) {
        BufferedImage image = new BufferedImage(32, 24, BufferedImage.TYPE_BYTE_GRAY);
        image.getRaster().setSample(seed % 32, seed % 24, 0, 255);
        return image;
    }

    @Test
    void storesAnImageUnderTheSha256OfItsPngBytes() throws Exception {
        FileSystemImageStore store = new FileSystemImageStore(root, Duration.ofDays(30), Clock.fixed(T0, ZoneOffset.UTC));
        byte[] png = ImageStore.png(image(1));

        Sha256 sha = store.put(image(1));

        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(png));
        assertThat(sha.value()).isEqualTo(expected);
        assertThat(store.pathOf(sha)).isEqualTo(root.resolve(expected.substring(0, 2)).resolve(expected.substring(2, 4))
                .resolve(expected + ".png"));
        assertThat(store.get(sha)).hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(png));
    }

    @Test
    void storingTheSameImageTwiceStoresItOnceAndLeavesNoTemporaryFiles() throws Exception {
        FileSystemImageStore store = new FileSystemImageStore(root, Duration.ofDays(30), Clock.fixed(T0, ZoneOffset.UTC));

        Sha256 first = store.put(image(2));
        Sha256 second = store.put(image(2));

        assertThat(second).isEqualTo(first);
        try (Stream<Path> files = Files.walk(root)) {
            assertThat(files.filter(Files::isRegularFile).toList()).containsExactly(store.pathOf(first));
        }
    }

    @Test
    void anImageNotStoredIsNotFound() throws Exception {
        FileSystemImageStore store = new FileSystemImageStore(root, Duration.ofDays(30), Clock.systemUTC());

        assertThat(store.get(Sha256.of("0".repeat(64)))).isEmpty();
        assertThat(store.contains(Sha256.of("0".repeat(64)))).isFalse();
    }

    @Test
    void retentionDeletesImagesStoredLongerAgoThanItAndKeepsTheRest() throws Exception {
        MutableClock clock = new MutableClock(T0);
        FileSystemImageStore store = new FileSystemImageStore(root, Duration.ofDays(30), clock);
        Sha256 old = store.put(image(3));
        clock.now = T0.plus(Duration.ofDays(20));
        Sha256 recent = store.put(image(4));
        clock.now = T0.plus(Duration.ofDays(31));

        assertThat(store.applyRetention()).isEqualTo(1);

        assertThat(store.contains(old)).isFalse();
        assertThat(store.contains(recent)).isTrue();
        assertThat(store.pathOf(old).getParent()).doesNotExist();
    }

    static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
