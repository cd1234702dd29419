package io.cncvision.vision.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.cncvision.api.value.Sha256;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against a small in-process stand-in for S3 that checks every request is signed and its payload digest. */
class S3ImageStoreTest {

    static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

    private HttpServer server;
    private final Map<String, byte[]> objects = new ConcurrentHashMap<>();
    private final Map<String, Instant> storedAt = new ConcurrentHashMap<>();
    private final AtomicInteger puts = new AtomicInteger();
    private final AtomicInteger unsigned = new AtomicInteger();
    private FileSystemImageStoreTest.MutableClock clock;
    private S3ImageStore store;

    @BeforeEach
    void start() throws IOException {
        clock = new FileSystemImageStoreTest.MutableClock(T0);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/images", this::handle);
        server.start();
        store = new S3ImageStore(new S3ImageStore.Settings(URI.create("http://127.0.0.1:" + server.getAddress().getPort()),
                "images", "line-1", "eu-central-1", "minio", "minio-secret"), Duration.ofDays(30), clock);
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null || !authorization.startsWith("AWS4-HMAC-SHA256 Credential=minio/")
                || !authorization.contains("/eu-central-1/s3/aws4_request")) {
            unsigned.incrementAndGet();
            respond(exchange, 403, new byte[0]);
            return;
        }
        String key = exchange.getRequestURI().getPath().substring("/images/".length());
        byte[] body = exchange.getRequestBody().readAllBytes();
        switch (exchange.getRequestMethod()) {
            case "PUT" -> {
                String claimed = exchange.getRequestHeaders().getFirst("x-amz-content-sha256");
                if (!ImageStore.sha256(body).value().equals(claimed)) {
                    respond(exchange, 400, "XAmzContentSHA256Mismatch".getBytes(StandardCharsets.UTF_8));
                    return;
                }
                puts.incrementAndGet();
                objects.put(key, body);
                storedAt.put(key, clock.instant());
                respond(exchange, 200, new byte[0]);
            }
            case "HEAD" -> respond(exchange, objects.containsKey(key) ? 200 : 404, null);
            case "GET" -> {
                if (key.isEmpty()) {
                    StringBuilder xml = new StringBuilder("<ListBucketResult><IsTruncated>false</IsTruncated>");
                    new TreeMap<>(objects).keySet().forEach(k -> xml.append("<Contents><Key>").append(k)
                            .append("</Key><LastModified>").append(storedAt.get(k)).append("</LastModified></Contents>"));
                    respond(exchange, 200, xml.append("</ListBucketResult>").toString().getBytes(StandardCharsets.UTF_8));
                } else {
                    byte[] object = objects.get(key);
                    respond(exchange, object == null ? 404 : 200, object == null ? new byte[0] : object);
                }
            }
            case "DELETE" -> {
                objects.remove(key);
                respond(exchange, 204, null);
            }
            default -> respond(exchange, 405, new byte[0]);
        }
    }

    private static void respond(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body == null || body.length == 0 ? -1 : body.length);
        if (body != null && body.length > 0) {
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }

    static BufferedImage image(int seed) {
        return FileSystemImageStoreTest.image(seed);
    }

    @Test
    void storesAnImageOnceUnderItsDigestAndReadsItBack() throws Exception {
        Sha256 sha = store.put(image(1));
        Sha256 again = store.put(image(1));

        assertThat(again).isEqualTo(sha);
        assertThat(puts).hasValue(1);
        assertThat(objects).containsOnlyKeys("line-1/" + sha.value().substring(0, 2) + "/" + sha.value().substring(2, 4)
                + "/" + sha.value() + ".png");
        assertThat(store.get(sha)).hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(ImageStore.png(image(1))));
        assertThat(store.get(Sha256.of("0".repeat(64)))).isEmpty();
        assertThat(unsigned).hasValue(0);
    }

    @Test
    void retentionDeletesWhatWasStoredBeforeTheCutOff() throws Exception {
        Sha256 old = store.put(image(2));
        clock.now = T0.plus(Duration.ofDays(20));
        Sha256 recent = store.put(image(3));
        clock.now = T0.plus(Duration.ofDays(31));

        assertThat(store.applyRetention()).isEqualTo(1);

        assertThat(store.contains(old)).isFalse();
        assertThat(store.contains(recent)).isTrue();
    }
}
