package io.cncvision.vision.storage;

import io.cncvision.api.value.Sha256;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Images in an S3-compatible object store (AWS S3, MinIO, Ceph RGW), path-style
 * ({@code <endpoint>/<bucket>/<prefix>ab/cd/<sha256>.png}), signed with Signature Version 4. The payload digest
 * S3 checks is the image's own name, so a corrupted upload is refused. Retention lists the prefix and deletes
 * what was stored before the cut-off; a bucket lifecycle rule does the same on the store's side and is the
 * better choice where one can be set.
 */
public final class S3ImageStore implements ImageStore {

    private static final Logger log = LoggerFactory.getLogger(S3ImageStore.class);
    private static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    /** Where the store is and how to sign for it. */
    public record Settings(URI endpoint, String bucket, String prefix, String region, String accessKey,
                           String secretKey) {

        public Settings {
            if (endpoint == null || bucket == null || bucket.isBlank() || accessKey == null || secretKey == null) {
                throw new IllegalArgumentException("an S3 image store needs its endpoint, bucket, access key and secret");
            }
            prefix = prefix == null ? "" : prefix.endsWith("/") || prefix.isEmpty() ? prefix : prefix + "/";
            region = region == null || region.isBlank() ? "us-east-1" : region;
        }
    }

    private final Settings settings;
    private final Duration retention;
    private final Clock clock;
    private final SigV4Signer signer;
    private final HttpClient http;

    public S3ImageStore(Settings settings, Duration retention, Clock clock) {
        this.settings = settings;
        this.retention = retention;
        this.clock = clock;
        this.signer = new SigV4Signer(settings.accessKey(), settings.secretKey(), settings.region(), "s3");
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    String keyOf(Sha256 sha256) {
        String hex = sha256.value();
        return settings.prefix() + hex.substring(0, 2) + "/" + hex.substring(2, 4) + "/" + hex + ".png";
    }

    @Override
    public Sha256 put(byte[] encoded) throws IOException {
        Sha256 sha256 = ImageStore.sha256(encoded);
        if (contains(sha256)) {
            return sha256;
        }
        HttpResponse<byte[]> response = send("PUT", keyOf(sha256), Map.of(), encoded, sha256.value(),
                Map.of("content-type", "image/png"));
        if (response.statusCode() / 100 != 2) {
            throw failure("storing " + sha256, response);
        }
        return sha256;
    }

    @Override
    public Optional<byte[]> get(Sha256 sha256) throws IOException {
        HttpResponse<byte[]> response = send("GET", keyOf(sha256), Map.of(), null, EMPTY_SHA256, Map.of());
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        if (response.statusCode() != 200) {
            throw failure("reading " + sha256, response);
        }
        return Optional.of(response.body());
    }

    @Override
    public boolean contains(Sha256 sha256) throws IOException {
        HttpResponse<byte[]> response = send("HEAD", keyOf(sha256), Map.of(), null, EMPTY_SHA256, Map.of());
        if (response.statusCode() == 404) {
            return false;
        }
        if (response.statusCode() != 200) {
            throw failure("looking for " + sha256, response);
        }
        return true;
    }

    @Override
    public int deleteStoredBefore(Instant cutoff) throws IOException {
        List<String> stale = new ArrayList<>();
        String token = null;
        do {
            Map<String, String> query = new LinkedHashMap<>();
            query.put("list-type", "2");
            query.put("prefix", settings.prefix());
            if (token != null) {
                query.put("continuation-token", token);
            }
            HttpResponse<byte[]> response = send("GET", "", query, null, EMPTY_SHA256, Map.of());
            if (response.statusCode() != 200) {
                throw failure("listing " + settings.bucket(), response);
            }
            Document listing = parse(response.body());
            NodeList contents = listing.getElementsByTagName("Contents");
            for (int i = 0; i < contents.getLength(); i++) {
                Element object = (Element) contents.item(i);
                String key = text(object, "Key");
                Instant modified = Instant.parse(text(object, "LastModified"));
                if (key.endsWith(".png") && modified.isBefore(cutoff)) {
                    stale.add(key);
                }
            }
            token = "true".equals(text(listing.getDocumentElement(), "IsTruncated"))
                    ? text(listing.getDocumentElement(), "NextContinuationToken") : null;
        } while (token != null);
        int deleted = 0;
        for (String key : stale) {
            HttpResponse<byte[]> response = send("DELETE", key, Map.of(), null, EMPTY_SHA256, Map.of());
            if (response.statusCode() / 100 != 2 && response.statusCode() != 404) {
                throw failure("deleting " + key, response);
            }
            deleted++;
        }
        if (deleted > 0) {
            log.info("image store s3://{}/{}: deleted {} images stored before {}", settings.bucket(),
                    settings.prefix(), deleted, cutoff);
        }
        return deleted;
    }

    @Override
    public int applyRetention() throws IOException {
        return deleteStoredBefore(clock.instant().minus(retention));
    }

    private HttpResponse<byte[]> send(String method, String key, Map<String, String> query, byte[] body,
                                      String payloadSha256, Map<String, String> extraHeaders) throws IOException {
        String basePath = settings.endpoint().getRawPath() == null ? "" : settings.endpoint().getRawPath()
                .replaceAll("/$", "");
        StringBuilder path = new StringBuilder(basePath).append('/').append(SigV4Signer.encode(settings.bucket()));
        if (!key.isEmpty()) {
            for (String segment : key.split("/", -1)) {
                path.append('/').append(SigV4Signer.encode(segment));
            }
        } else {
            path.append('/');
        }
        String queryString = query.entrySet().stream()
                .map(e -> SigV4Signer.encode(e.getKey()) + "=" + SigV4Signer.encode(e.getValue()))
                .collect(Collectors.joining("&"));
        URI endpoint = settings.endpoint();
        String host = endpoint.getPort() < 0 ? endpoint.getHost() : endpoint.getHost() + ":" + endpoint.getPort();
        Instant now = clock.instant();
        Map<String, String> headers = new LinkedHashMap<>(extraHeaders);
        headers.put("host", host);
        headers.put("x-amz-date", SigV4Signer.AMZ_DATE.format(now));
        headers.put("x-amz-content-sha256", payloadSha256);
        String authorization = signer.authorization(method, path.toString(), query, headers, payloadSha256, now);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoint.getScheme() + "://" + host + path
                        + (queryString.isEmpty() ? "" : "?" + queryString)))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach((name, value) -> {
            if (!name.equals("host")) {
                request.header(name, value);
            }
        });
        request.header("Authorization", authorization);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted talking to " + endpoint, e);
        }
    }

    private IOException failure(String what, HttpResponse<byte[]> response) {
        String body = new String(response.body() == null ? new byte[0] : response.body(),
                java.nio.charset.StandardCharsets.UTF_8);
        return new IOException("s3://" + settings.bucket() + ": " + what + " failed with HTTP " + response.statusCode()
                + (body.isBlank() ? "" : ": " + body.substring(0, Math.min(body.length(), 500))));
    }

    private static Document parse(byte[] xml) throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setExpandEntityReferences(false);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("unreadable bucket listing: " + e.getMessage(), e);
        }
    }

    private static String text(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagName(tag);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent();
    }
}
