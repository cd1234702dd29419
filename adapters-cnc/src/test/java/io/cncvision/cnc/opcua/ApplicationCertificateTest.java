package io.cncvision.cnc.opcua;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApplicationCertificateTest {

    @TempDir
    Path dir;

    @Test
    void isCreatedOnceAndKeptWhenManyConnectorsStartTogether() throws Exception {
        ExecutorService starting = Executors.newFixedThreadPool(6);
        try {
            List<Future<ApplicationCertificate>> loaded = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                loaded.add(starting.submit(() -> ApplicationCertificate.loadOrCreate(dir, "client.p12", "cncvision platform",
                        "urn:cncvision:platform")));
            }
            X509Certificate first = loaded.get(0).get().certificate();
            for (Future<ApplicationCertificate> certificate : loaded) {
                assertThat(certificate.get().certificate()).isEqualTo(first);
            }
            ApplicationCertificate again = ApplicationCertificate.loadOrCreate(dir, "client.p12", "other", "urn:other");
            assertThat(again.certificate()).isEqualTo(first);
            assertThat(again.applicationUri()).startsWith("urn:cncvision:platform:");
            assertThat(java.nio.file.Files.readAllBytes(ApplicationCertificate.certificateFile(dir, "client.p12")))
                    .isEqualTo(first.getEncoded());
        } finally {
            starting.shutdownNow();
        }
    }
}
